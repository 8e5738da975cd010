package dev.keysmith.modeler.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS CLI {@code aws dynamodb create-table --cli-input-json file://table.json} input.
 *
 * <p>One table is one JSON object, the file passed to one {@code create-table} call ({@link #write(TableDesign)}).
 * {@link #write(DataModel)} writes all tables of a model as a JSON array of such objects, for a script to split (for
 * example {@code jq -c '.[]'}); the CLI itself takes one object per call. {@link #read} accepts either form.
 *
 * <p>create-table cannot express TTL or point-in-time recovery (they are separate calls) nor auto scaling; exporting
 * a table with them gives a warning. Properties not modelled (SSESpecification, Tags...) are kept in the table metadata
 * and written back. Normalisation as for CloudFormation: {@code BillingMode} always written, {@code TableClass} only
 * when not STANDARD, {@code DeletionProtectionEnabled} only when true, a stream with {@code StreamEnabled: false} is
 * dropped.
 */
public final class AwsCliFormat {

    private AwsCliFormat() {}

    /**
     * Reads one create-table input object, or an array of them.
     *
     * @param projectName name of the project and data model (e.g. the file name)
     * @throws ImportException for invalid JSON, a missing TableName or KeySchema, key attributes without definitions,
     *     and values of the wrong type
     */
    public static ImportResult read(String json, String projectName) throws ImportException {
        Warnings warnings = new Warnings();
        Node root = Node.root(Trees.parseJson(json), warnings);
        List<Node> inputs = root.json().isArray() ? root.elements() : List.of(root.requireObject());
        List<TableDesign> tables = new ArrayList<>();
        for (Node input : inputs) {
            input.requireObject();
            tables.add(
                    CreateTableShape.read(input, input.text("TableName"), CreateTableShape.Dialect.AWS_CLI, Map.of()));
        }
        DataModel model = DataModel.of(projectName, tables);
        return new ImportResult(Project.of(projectName, List.of(model)), warnings.lines());
    }

    /** One table as a create-table input object. */
    public static ExportResult write(TableDesign table) {
        List<String> warnings = new ArrayList<>();
        JsonNode node = CreateTableShape.write(table, CreateTableShape.Dialect.AWS_CLI, warnings);
        return new ExportResult(Trees.writeJson(node), warnings);
    }

    /** All tables of a model as a JSON array of create-table input objects. */
    public static ExportResult write(DataModel model) {
        List<String> warnings = new ArrayList<>();
        ArrayNode array = Trees.array();
        model.tables().forEach(t -> array.add(CreateTableShape.write(t, CreateTableShape.Dialect.AWS_CLI, warnings)));
        return new ExportResult(Trees.writeJson(array), warnings);
    }
}

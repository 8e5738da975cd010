package dev.keysmith.modeler.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation templates with {@code AWS::DynamoDB::Table} resources, in JSON or YAML.
 *
 * <p>Reading: every {@code AWS::DynamoDB::Table} resource becomes a table (see {@link CreateTableShape} for the
 * properties; {@code TimeToLiveSpecification} with {@code Enabled: true} sets the TTL attribute, {@code
 * PointInTimeRecoverySpecification} goes to the table metadata). A table without {@code TableName} (CloudFormation
 * would generate one) is named after its logical ID, with a warning. The logical ID and resource attributes such as
 * {@code DeletionPolicy} are kept in the table metadata; the template {@code Description} becomes the data-model
 * description; other top-level sections ({@code Parameters}, {@code Conditions}, {@code Outputs}...) are kept in the
 * project metadata. Other resources are skipped with a warning. YAML short-form intrinsic functions ({@code !Ref},
 * {@code !Sub}, {@code !GetAtt}...) and JSON long-form ones ({@code {"Ref": ...}}) are not evaluated: where text is
 * expected they are kept as text such as {@code !Ref TableNameParam}, elsewhere ignored; both with a warning.
 *
 * <p>Writing: {@code AWSTemplateFormatVersion} 2010-09-09, then one resource per table. Normalisation compared with an
 * imported template: {@code BillingMode} is always written; {@code TableClass} only when not STANDARD; {@code
 * DeletionProtectionEnabled} only when true; a disabled TTL specification is dropped; AttributeDefinitions list the
 * table keys then the index keys, each once; skipped resources and intrinsic functions in places that were ignored
 * (e.g. a {@code !Ref} capacity) are gone. Intrinsic functions kept as text are written back as functions (see
 * {@link Intrinsics}): in the JSON long form, or as YAML tags; a function read from JSON can therefore be written as a
 * YAML tag and the other way round.
 */
public final class CloudFormationFormat {

    /** Output syntax. */
    public enum Syntax {
        JSON,
        YAML
    }

    /** Table metadata key holding the resource's logical ID. */
    public static final String LOGICAL_ID = "cloudformation.logicalId";

    private static final String RESOURCE_PREFIX = "cloudformation.resource.";
    private static final String SECTION_PREFIX = "cloudformation.section.";
    private static final String TABLE_TYPE = "AWS::DynamoDB::Table";

    private CloudFormationFormat() {}

    /**
     * Reads a template; JSON when the text starts with {@code {}, YAML otherwise.
     *
     * @param projectName name of the project and data model (e.g. the file name)
     */
    public static ImportResult read(String text, String projectName) throws ImportException {
        Warnings warnings = new Warnings();
        JsonNode tree = text.stripLeading().startsWith("{") ? Trees.parseJson(text) : Trees.parseYaml(text, warnings);
        Node root = Node.root(tree, warnings).requireObject();
        Node resources = root.require("Resources").requireObject();
        List<TableDesign> tables = new ArrayList<>();
        for (Map.Entry<String, Node> entry : resources.fields()) {
            String logicalId = entry.getKey();
            Node resource = entry.getValue().requireObject();
            String type = resource.text("Type");
            if (!type.equals(TABLE_TYPE)) {
                warnings.add(resource.at(), "resource " + logicalId + " of type " + type + " skipped");
                continue;
            }
            Node properties = resource.require("Properties").requireObject();
            String name = properties.optText("TableName");
            if (name == null) {
                warnings.add(properties.at(), "no TableName (CloudFormation would generate one); named " + logicalId);
                name = logicalId;
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put(LOGICAL_ID, logicalId);
            for (Map.Entry<String, Node> field : resource.fields()) {
                if (!field.getKey().equals("Type") && !field.getKey().equals("Properties")) {
                    metadata.put(
                            RESOURCE_PREFIX + field.getKey(),
                            Trees.toMetadata(field.getValue().json()));
                }
            }
            tables.add(CreateTableShape.read(properties, name, CreateTableShape.Dialect.CLOUDFORMATION, metadata));
        }
        if (tables.isEmpty()) {
            throw new ImportException(resources.at(), "No " + TABLE_TYPE + " resource");
        }
        Map<String, String> projectMetadata = new LinkedHashMap<>();
        for (Map.Entry<String, Node> field : root.fields()) {
            String key = field.getKey();
            if (!key.equals("Resources") && !key.equals("Description") && !key.equals("AWSTemplateFormatVersion")) {
                projectMetadata.put(
                        SECTION_PREFIX + key, Trees.toMetadata(field.getValue().json()));
            }
        }
        String description = root.optText("Description");
        DataModel model = new DataModel(projectName, description, tables, List.of());
        Project project = new Project(Project.FORMAT_VERSION, projectName, List.of(model), projectMetadata);
        return new ImportResult(project, warnings.lines());
    }

    /** Writes the tables of one data model as a template. */
    public static ExportResult write(Project project, DataModel model, Syntax syntax) {
        List<String> warnings = new ArrayList<>();
        ObjectNode root = Trees.object();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        if (!model.description().isEmpty()) {
            root.put("Description", model.description());
        }
        project.metadata().forEach((key, value) -> {
            if (key.startsWith(SECTION_PREFIX)) {
                root.set(key.substring(SECTION_PREFIX.length()), Trees.fromMetadata(value));
            }
        });
        ObjectNode resources = root.putObject("Resources");
        Set<String> usedIds = new HashSet<>();
        for (TableDesign table : model.tables()) {
            ObjectNode resource = resources.putObject(logicalId(table, usedIds));
            resource.put("Type", TABLE_TYPE);
            table.metadata().forEach((key, value) -> {
                if (key.startsWith(RESOURCE_PREFIX)) {
                    resource.set(key.substring(RESOURCE_PREFIX.length()), Trees.fromMetadata(value));
                }
            });
            resource.set(
                    "Properties", CreateTableShape.write(table, CreateTableShape.Dialect.CLOUDFORMATION, warnings));
        }
        String text = switch (syntax) {
            case JSON -> Trees.writeJson(Intrinsics.toLongForm(root));
            case YAML -> Intrinsics.toYaml(root);
        };
        return new ExportResult(text, warnings);
    }

    /** The kept logical ID, else the table name reduced to letters and digits; unique within the template. */
    private static String logicalId(TableDesign table, Set<String> used) {
        String base = table.metadata().get(LOGICAL_ID);
        if (base == null) {
            base = table.name().replaceAll("[^A-Za-z0-9]", "");
            if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
                base = "Table" + base;
            }
        }
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + n;
        }
        return id;
    }
}

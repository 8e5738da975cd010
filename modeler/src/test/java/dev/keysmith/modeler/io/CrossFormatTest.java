package dev.keysmith.modeler.io;

import static dev.keysmith.modeler.io.JsonTrees.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keysmith.modeler.io.CloudFormationFormat.Syntax;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.TableDesign;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each NoSQL Workbench sample, exported to CloudFormation (JSON and YAML) and to AWS CLI input and imported back, keeps
 * its table definitions. Expected differences, as documented: sample data, entity types and table-level attribute
 * declarations are not part of those formats; auto scaling is not part of a table resource; a GSI of a PROVISIONED
 * table without its own capacity is written with the table's.
 */
class CrossFormatTest {

    private static DataModel sample(String path) throws ImportException {
        return NoSqlWorkbenchFormat.read(resource(path)).project().models().getFirst();
    }

    /** What CloudFormation and the CLI can carry of a table. */
    private static TableDesign definition(TableDesign table) {
        ProvisionedCapacity capacity = table.capacity() == null
                ? null
                : ProvisionedCapacity.of(
                        table.capacity().readCapacityUnits(), table.capacity().writeCapacityUnits());
        List<IndexDesign> gsis = table.gsis().stream()
                .map(g -> table.billingMode() == BillingMode.PROVISIONED && g.capacity() == null
                        ? g.withCapacity(capacity)
                        : g)
                .toList();
        return table.withBilling(table.billingMode(), capacity)
                .withGsis(gsis)
                .withAttributes(List.of())
                .withEntities(List.of())
                .withSampleItems(List.of())
                .withMetadata(Map.of());
    }

    private static List<TableDesign> definitions(DataModel model) {
        return model.tables().stream().map(CrossFormatTest::definition).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/samples/ComplaintManagementSchema.json",
                "/samples/ConnectedVehiclesSchema.json",
                "/samples/RecurringPaymentsSchema.json",
                "/samples/SessionManagementSchema.json"
            })
    void samples_survive_cloudformation_json_and_yaml(String path) throws Exception {
        DataModel model = sample(path);
        Project project = Project.of("p", List.of(model));
        for (Syntax syntax : Syntax.values()) {
            String text = CloudFormationFormat.write(project, model, syntax).text();
            DataModel back =
                    CloudFormationFormat.read(text, "p").project().models().getFirst();
            assertEquals(definitions(model), definitions(back), syntax + "\n" + text);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/samples/ComplaintManagementSchema.json",
                "/samples/ConnectedVehiclesSchema.json",
                "/samples/RecurringPaymentsSchema.json",
                "/samples/SessionManagementSchema.json"
            })
    void samples_survive_aws_cli_input(String path) throws Exception {
        DataModel model = sample(path);
        ExportResult exported = AwsCliFormat.write(model);
        DataModel back =
                AwsCliFormat.read(exported.text(), "p").project().models().getFirst();
        assertEquals(definitions(model), definitions(back));
        // the samples use auto scaling, which create-table cannot carry
        assertEquals(1, exported.warnings().size(), exported.warnings().toString());
    }

    @org.junit.jupiter.api.Test
    void aProjectImportedFromCloudFormationExportsToNoSqlWorkbench() throws Exception {
        // Such a project has no NoSQL Workbench "Version" in its metadata; the export once failed with an NPE.
        String template = """
                {"Resources": {"Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {
                  "TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
                  "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}}}}
                """;
        Project project = CloudFormationFormat.read(template, "shop").project();
        String exported = NoSqlWorkbenchFormat.write(project).text();
        Project back = NoSqlWorkbenchFormat.read(exported).project();
        assertEquals("Orders", back.models().getFirst().tables().getFirst().name());
    }
}

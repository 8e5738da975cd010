package dev.keysmith.modeler.io;

import static dev.keysmith.modeler.io.JsonTrees.assertSameTree;
import static dev.keysmith.modeler.io.JsonTrees.json;
import static dev.keysmith.modeler.io.JsonTrees.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keysmith.modeler.io.CloudFormationFormat.Syntax;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.ScalarType;
import dev.keysmith.modeler.model.StreamViewType;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TableDesign;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudFormationFormatTest {

    private static ExportResult export(ImportResult imported, Syntax syntax) {
        Project project = imported.project();
        return CloudFormationFormat.write(project, project.models().getFirst(), syntax);
    }

    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void json_template_import_then_export_gives_the_original() throws Exception {
        String original = resource("/io/cloudformation-orders.json");
        ExportResult exported = export(CloudFormationFormat.read(original, "orders"), Syntax.JSON);
        assertSameTree(json(original), json(exported.text()));
        assertEquals(List.of(), exported.warnings());
    }

    @Test
    void yaml_template_import_then_export_gives_the_original() throws Exception {
        String original = resource("/io/cloudformation-orders.yaml");
        ExportResult exported = export(CloudFormationFormat.read(original, "orders"), Syntax.YAML);
        assertSameTree(yaml(original), yaml(exported.text()));
    }

    @Test
    void every_table_setting_is_read() throws Exception {
        ImportResult result = CloudFormationFormat.read(resource("/io/cloudformation-orders.json"), "orders");
        assertEquals(List.of(), result.warnings());
        assertEquals(
                "Orders service tables", result.project().models().getFirst().description());
        TableDesign orders =
                result.project().models().getFirst().table("Orders").orElseThrow();
        assertEquals(KeyAttribute.string("PK"), orders.partitionKey());
        assertEquals(KeyAttribute.string("SK"), orders.sortKey());
        assertEquals(BillingMode.PROVISIONED, orders.billingMode());
        assertEquals(ProvisionedCapacity.of(20, 10), orders.capacity());
        assertEquals(
                new KeyAttribute("GSI1SK", ScalarType.N),
                orders.gsis().getFirst().sortKey());
        assertEquals(List.of("status", "total"), orders.gsis().getFirst().nonKeyAttributes());
        assertEquals(ProvisionedCapacity.of(5, 5), orders.gsis().getFirst().capacity());
        assertEquals(ProjectionKind.KEYS_ONLY, orders.lsis().getFirst().projection());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, orders.streamViewType());
        assertEquals("expiresAt", orders.ttlAttribute());
        assertEquals("true", orders.metadata().get(TableDesign.POINT_IN_TIME_RECOVERY));
        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, orders.tableClass());
        assertTrue(orders.deletionProtection());
        assertEquals("OrdersTable", orders.metadata().get(CloudFormationFormat.LOGICAL_ID));
        TableDesign sessions =
                result.project().models().getFirst().table("Sessions").orElseThrow();
        assertEquals(BillingMode.PAY_PER_REQUEST, sessions.billingMode());
        assertNull(sessions.capacity());
        assertNull(sessions.sortKey());
    }

    @Test
    void yaml_intrinsic_tags_are_kept_as_text_with_warnings() throws Exception {
        ImportResult result = CloudFormationFormat.read(resource("/io/cloudformation-intrinsics.yaml"), "stack");
        TableDesign table = result.project().models().getFirst().tables().getFirst();
        assertEquals("!Ref TableNameParam", table.name());
        // ReadCapacityUnits is a !Ref: the capacity cannot be known
        assertNull(table.capacity());
        assertTrue(
                result.warnings().stream()
                        .anyMatch(w ->
                                w.startsWith("13:18 (/Resources/Table/Properties/TableName)") && w.contains("!Ref")),
                result.warnings().toString());
        assertTrue(
                result.warnings().stream().anyMatch(w -> w.contains("!GetAtt")),
                result.warnings().toString());
        assertTrue(
                result.warnings().stream().anyMatch(w -> w.contains("resource Topic of type AWS::SNS::Topic skipped")),
                result.warnings().toString());
        assertTrue(table.metadata().get("cloudformation.property.Tags").contains("!Sub ${AWS::StackName}-table"));
    }

    @Test
    void json_long_form_intrinsics_are_kept_as_text_with_a_warning() throws Exception {
        String template = "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {"
                + "\"TableName\": {\"Fn::Sub\": \"${Env}-orders\"},"
                + "\"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}],"
                + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}],"
                + "\"BillingMode\": \"PAY_PER_REQUEST\"}}}}";
        ImportResult result = CloudFormationFormat.read(template, "stack");
        assertEquals(
                "!Sub ${Env}-orders",
                result.project().models().getFirst().tables().getFirst().name());
        assertEquals(
                List.of("/Resources/T/Properties/TableName: intrinsic function !Sub ${Env}-orders kept as text"),
                result.warnings());
    }

    @Test
    void a_table_without_a_name_is_named_after_its_logical_id() throws Exception {
        String template = "Resources:\n  Users:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
                + "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
                + "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
                + "      BillingMode: PAY_PER_REQUEST\n";
        ImportResult result = CloudFormationFormat.read(template, "stack");
        assertEquals(
                "Users",
                result.project().models().getFirst().tables().getFirst().name());
        assertFalse(result.warnings().isEmpty());
    }

    @Test
    void a_template_without_tables_is_rejected() {
        ImportException e = assertThrows(
                ImportException.class,
                () -> CloudFormationFormat.read("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}", "x"));
        assertEquals("No AWS::DynamoDB::Table resource at /Resources", e.getMessage());
    }

    @Test
    void a_key_without_an_attribute_definition_is_rejected_with_its_pointer() {
        String template = "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {"
                + "\"AttributeDefinitions\": [], \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}]}}}}";
        ImportException e = assertThrows(ImportException.class, () -> CloudFormationFormat.read(template, "x"));
        assertEquals(
                "Key attribute id has no entry in AttributeDefinitions at /Resources/T/Properties/KeySchema/0/AttributeName",
                e.getMessage());
    }

    @Test
    void broken_yaml_reports_line_and_column() {
        ImportException e = assertThrows(
                ImportException.class, () -> CloudFormationFormat.read("Resources:\n  T:\n    Type: [unclosed\n", "x"));
        assertTrue(e.getMessage().startsWith("Invalid YAML: "), e.getMessage());
        assertTrue(e.location().matches("\\d+:\\d+"), e.location());
    }

    @Test
    void wrong_types_are_reported_with_their_pointer() {
        String template = "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {"
                + "\"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}],"
                + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}],"
                + "\"ProvisionedThroughput\": {\"ReadCapacityUnits\": \"many\", \"WriteCapacityUnits\": 1}}}}}";
        ImportException e = assertThrows(ImportException.class, () -> CloudFormationFormat.read(template, "x"));
        assertEquals(
                "Expected a whole number but found a string at"
                        + " /Resources/T/Properties/ProvisionedThroughput/ReadCapacityUnits",
                e.getMessage());
    }

    @Test
    void export_normalises_defaults() throws Exception {
        String template = "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {"
                + "\"TableName\": \"Things\","
                + "\"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}],"
                + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}],"
                + "\"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1},"
                + "\"TableClass\": \"STANDARD\", \"DeletionProtectionEnabled\": false,"
                + "\"TimeToLiveSpecification\": {\"AttributeName\": \"ttl\", \"Enabled\": false}}}}}";
        JsonNode properties = json(export(CloudFormationFormat.read(template, "x"), Syntax.JSON)
                        .text())
                .at("/Resources/T/Properties");
        assertEquals("PROVISIONED", properties.get("BillingMode").asText());
        assertFalse(properties.has("TableClass"));
        assertFalse(properties.has("DeletionProtectionEnabled"));
        assertFalse(properties.has("TimeToLiveSpecification"));
    }

    @Test
    void json_long_form_intrinsics_are_written_back_as_functions() throws Exception {
        String template = "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"T\": {"
                + "\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {"
                + "\"TableName\": {\"Fn::Sub\": \"${Env}-orders\"},"
                + "\"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}],"
                + "\"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}],"
                + "\"BillingMode\": \"PAY_PER_REQUEST\","
                + "\"Tags\": [{\"Key\": \"topic\", \"Value\": {\"Fn::GetAtt\": [\"Topic\", \"TopicName\"]}},"
                + " {\"Key\": \"env\", \"Value\": {\"Ref\": \"Env\"}}]}}}}";
        ExportResult exported = export(CloudFormationFormat.read(template, "x"), Syntax.JSON);
        assertSameTree(json(template), json(exported.text()));
    }

    @Test
    void yaml_intrinsic_tags_are_written_back_as_tags() throws Exception {
        ImportResult imported = CloudFormationFormat.read(resource("/io/cloudformation-intrinsics.yaml"), "stack");
        String yaml = export(imported, Syntax.YAML).text();
        assertTrue(yaml.contains("TableName: !Ref \"TableNameParam\""), yaml);
        assertTrue(yaml.contains("Value: !GetAtt [\"Topic\",\"TopicArn\"]"), yaml);
        ImportResult again = CloudFormationFormat.read(yaml, "stack");
        assertEquals(
                imported.project().models().getFirst().tables(),
                again.project().models().getFirst().tables());
        assertTrue(
                again.warnings().stream().anyMatch(w -> w.contains("YAML tag !Ref")),
                again.warnings().toString());
    }
}

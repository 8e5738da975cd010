package dev.keysmith.modeler.io;

import static dev.keysmith.modeler.io.JsonTrees.assertSameTree;
import static dev.keysmith.modeler.io.JsonTrees.json;
import static dev.keysmith.modeler.io.JsonTrees.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.AutoScaling;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.ModelJson;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.TableDesign;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoSqlWorkbenchFormatTest {

    private static TableDesign onlyTable(ImportResult result) {
        return result.project().models().getFirst().tables().getFirst();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/samples/ComplaintManagementSchema.json",
                "/samples/ConnectedVehiclesSchema.json",
                "/samples/RecurringPaymentsSchema.json",
                "/samples/SessionManagementSchema.json",
                "/io/workbench-2.0.json"
            })
    void import_then_export_gives_the_original_model(String path) throws Exception {
        String original = resource(path);
        ImportResult imported = NoSqlWorkbenchFormat.read(original);
        ExportResult exported = NoSqlWorkbenchFormat.write(imported.project());
        assertSameTree(json(original), json(exported.text()));
        assertEquals(List.of(), exported.warnings());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/samples/ComplaintManagementSchema.json",
                "/samples/ConnectedVehiclesSchema.json",
                "/samples/RecurringPaymentsSchema.json",
                "/samples/SessionManagementSchema.json"
            })
    void imported_samples_survive_the_project_json(String path) throws Exception {
        Project project = NoSqlWorkbenchFormat.read(resource(path)).project();
        assertEquals(project, ModelJson.read(ModelJson.write(project)));
    }

    @Test
    void the_complaint_sample_has_its_table_gsis_capacity_and_items() throws Exception {
        ImportResult result = NoSqlWorkbenchFormat.read(resource("/samples/ComplaintManagementSchema.json"));
        assertEquals("Complaint management", result.project().name());
        TableDesign table = onlyTable(result);
        assertEquals("Complaint_management_system", table.name());
        assertEquals(List.of("PK", "SK"), table.keyNames());
        assertEquals(
                List.of("Customer_Complaint_GSI", "Escalations_GSI", "Agents_Comments_GSI"),
                table.gsis().stream().map(g -> g.name()).toList());
        assertEquals(BillingMode.PROVISIONED, table.billingMode());
        assertEquals(
                new ProvisionedCapacity(5, 5, new AutoScaling(1, 10, 70), new AutoScaling(1, 10, 70)),
                table.capacity());
        assertEquals(9, table.sampleItems().size());
        assertNull(table.sampleItems().getFirst().entityType());
        assertEquals(AttributeType.SS, table.attributeType("attachments").orElseThrow());
        assertEquals(
                "Considering most common access patterns for a complaint management system",
                result.project().models().getFirst().description());
    }

    @Test
    void facets_become_entity_types_with_key_templates_inferred_from_aliases_and_data() throws Exception {
        TableDesign table = onlyTable(NoSqlWorkbenchFormat.read(resource("/samples/RecurringPaymentsSchema.json")));
        EntityType subscription = table.entity("Subscription").orElseThrow();
        assertEquals("ACC#{AccountId}", subscription.keyTemplates().get("PK").text());
        assertEquals(
                "SUB#{SubId}#SKU#{SKU}", subscription.keyTemplates().get("SK").text());
        EntityType receipts = table.entity("Receipts").orElseThrow();
        assertEquals(
                "REC#{ProcessedDate}#SKU#{SKU}",
                receipts.keyTemplates().get("SK").text());
        assertEquals(AttributeType.N, receipts.attribute("TTL").orElseThrow().type());
        assertEquals(2, table.sampleItems().size());
        assertEquals("Subscription", table.sampleItems().getFirst().entityType());
        assertEquals(
                Map.of("S", "ACC#123"),
                table.sampleItems().getFirst().attributes().get("PK"));
        assertEquals(ProjectionKind.INCLUDE, table.gsis().getFirst().projection());
        // the GSI keys a facet carries get a template, so the facet is known to populate the index
        assertTrue(subscription.keyTemplates().containsKey("NextReminderDate"));
    }

    @Test
    void a_facet_whose_sort_keys_share_no_shape_gets_a_single_variable_template() throws Exception {
        TableDesign table = onlyTable(NoSqlWorkbenchFormat.read(resource("/samples/ConnectedVehiclesSchema.json")));
        EntityType vehicle = table.entity("Vehicle").orElseThrow();
        assertEquals("VIN#{PK}", vehicle.keyTemplates().get("PK").text());
        assertEquals("{SK}", vehicle.keyTemplates().get("SK").text());
        assertEquals(
                "ID#{PK}",
                table.entity("User").orElseThrow().keyTemplates().get("PK").text());
    }

    @Test
    void a_version_2_file_is_read_with_default_capacity_and_data_formats_as_generators() throws Exception {
        ImportResult result = NoSqlWorkbenchFormat.read(resource("/io/workbench-2.0.json"));
        TableDesign table = onlyTable(result);
        assertEquals("2.0", result.project().metadata().get("Version"));
        assertEquals(BillingMode.PROVISIONED, table.billingMode());
        assertEquals(ProvisionedCapacity.of(5, 5), table.capacity());
        assertEquals("name.fullName", table.attributes().get(2).generator().kind());
        assertEquals(
                "BOOK#{BookId}",
                table.entity("Book").orElseThrow().keyTemplates().get("PK").text());
        // every Book has the sort key METADATA: no variable part to name, so the alias becomes the variable
        assertEquals(
                "{Metadata}",
                table.entity("Book").orElseThrow().keyTemplates().get("SK").text());
        assertEquals(
                "BOOK#{BookId}",
                table.entity("Author").orElseThrow().keyTemplates().get("SK").text());
        assertEquals(ProjectionKind.KEYS_ONLY, table.gsis().getFirst().projection());
    }

    @Test
    void export_normalises_data_access_and_service_role() throws Exception {
        ObjectNode original = (ObjectNode) json(resource("/samples/SessionManagementSchema.json"));
        ObjectNode table = (ObjectNode) original.get("DataModel").get(0);
        table.remove("DataAccess");
        ((ObjectNode) table.at("/ProvisionedCapacitySettings/AutoScalingRead/ScalableTargetRequest"))
                .remove("ServiceRole");
        ExportResult exported = NoSqlWorkbenchFormat.write(
                NoSqlWorkbenchFormat.read(original.toString()).project());
        ObjectNode written = (ObjectNode) json(exported.text());
        assertEquals(json("{\"MySql\": {}}"), written.at("/DataModel/0/DataAccess"));
        assertEquals(
                "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable",
                written.at("/DataModel/0/ProvisionedCapacitySettings/AutoScalingRead/ScalableTargetRequest/ServiceRole")
                        .asText());
    }

    @Test
    void export_warns_about_settings_the_format_cannot_hold() throws Exception {
        Project project = NoSqlWorkbenchFormat.read(resource("/samples/SessionManagementSchema.json"))
                .project();
        Project edited = project.editModel(
                project.models().getFirst().name(),
                m -> m.editTable(
                        "session_store", t -> t.withTtlAttribute("expires").withDeletionProtection(true)));
        assertEquals(
                List.of(
                        "table session_store: TTL attribute expires left out",
                        "table session_store: deletion protection left out"),
                NoSqlWorkbenchFormat.write(edited).warnings());
    }

    @Test
    void truncated_json_reports_line_and_column() {
        String text = resource("/samples/SessionManagementSchema.json");
        ImportException e =
                assertThrows(ImportException.class, () -> NoSqlWorkbenchFormat.read(text.substring(0, 200)));
        assertTrue(e.getMessage().startsWith("Invalid JSON: "), e.getMessage());
        assertTrue(e.location().matches("\\d+:\\d+"), e.location());
    }

    @Test
    void a_missing_table_name_is_reported_with_its_pointer() {
        String text = "{\"ModelName\": \"m\", \"ModelMetadata\": {\"Version\": \"3.0\"}, \"DataModel\": [{"
                + "\"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"PK\", \"AttributeType\": \"S\"}}}]}";
        ImportException e = assertThrows(ImportException.class, () -> NoSqlWorkbenchFormat.read(text));
        assertEquals("Missing required TableName at /DataModel/0", e.getMessage());
    }

    @Test
    void a_value_of_the_wrong_type_is_reported_with_its_pointer() {
        String text = "{\"ModelName\": \"m\", \"ModelMetadata\": {\"Version\": \"3.0\"}, \"DataModel\": [{"
                + "\"TableName\": \"T\", \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"PK\","
                + " \"AttributeType\": \"S\"}}, \"GlobalSecondaryIndexes\": {\"IndexName\": \"G\"}}]}";
        ImportException e = assertThrows(ImportException.class, () -> NoSqlWorkbenchFormat.read(text));
        assertEquals("Expected an array but found an object at /DataModel/0/GlobalSecondaryIndexes", e.getMessage());
    }

    @Test
    void a_key_attribute_with_a_non_scalar_type_is_rejected() {
        String text = "{\"ModelMetadata\": {\"Version\": \"3.0\"}, \"DataModel\": [{\"TableName\": \"T\","
                + " \"KeyAttributes\": {\"PartitionKey\": {\"AttributeName\": \"PK\", \"AttributeType\": \"M\"}}}]}";
        ImportException e = assertThrows(ImportException.class, () -> NoSqlWorkbenchFormat.read(text));
        assertEquals(
                "Unknown value \"M\" (expected one of S, N, B) at /DataModel/0/KeyAttributes/PartitionKey/AttributeType",
                e.getMessage());
    }

    @Test
    void an_unknown_version_is_rejected() {
        String text = "{\"ModelName\": \"m\", \"ModelMetadata\": {\"Version\": \"9.1\"}, \"DataModel\": []}";
        ImportException e = assertThrows(ImportException.class, () -> NoSqlWorkbenchFormat.read(text));
        assertEquals(
                "Unsupported NoSQL Workbench model version \"9.1\" (supported: 2.0, 3.0) at /ModelMetadata/Version",
                e.getMessage());
    }

    @Test
    void a_file_that_is_not_an_object_is_rejected() {
        ImportException e = assertThrows(ImportException.class, () -> NoSqlWorkbenchFormat.read("[1, 2]"));
        assertEquals("Expected an object but found an array at /", e.getMessage());
    }

    @Test
    void extra_model_metadata_round_trips_and_other_metadata_stays_out() throws Exception {
        ObjectNode original = (ObjectNode) json(resource("/samples/SessionManagementSchema.json"));
        ((ObjectNode) original.get("ModelMetadata")).put("Team", "payments");
        Project project = NoSqlWorkbenchFormat.read(original.toString()).project();
        assertEquals("payments", project.metadata().get("workbench.metadata.Team"));
        Map<String, String> metadata = new LinkedHashMap<>(project.metadata());
        metadata.put("cloudformation.section.Parameters", "{}");
        Project withForeignMetadata = project.withMetadata(metadata);
        ObjectNode written = (ObjectNode)
                json(NoSqlWorkbenchFormat.write(withForeignMetadata).text());
        assertSameTree(original.get("ModelMetadata"), written.get("ModelMetadata"));
    }

    @Test
    void sample_items_of_unknown_entity_types_are_written_as_table_data() throws Exception {
        Project project = NoSqlWorkbenchFormat.read(resource("/samples/RecurringPaymentsSchema.json"))
                .project();
        Project edited = project.editModel(
                project.models().getFirst().name(),
                m -> m.editTable(
                        "ReoccuringPayments", t -> t.withEntities(t.entities().subList(0, 1))));
        ExportResult exported = NoSqlWorkbenchFormat.write(edited);
        assertEquals(1, json(exported.text()).at("/DataModel/0/TableData").size());
        assertEquals(1, exported.warnings().size());
    }
}

package dev.keysmith.modeler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    @Test
    void write_then_read_gives_an_equal_project() {
        Project project = TestModels.shop();
        assertEquals(project, ModelJson.read(ModelJson.write(project)));
    }

    @Test
    void write_uses_the_documented_property_names() throws Exception {
        JsonNode tree = ModelJson.mapper().readTree(ModelJson.write(TestModels.shop()));
        assertEquals(Project.FORMAT_VERSION, tree.get("formatVersion").asInt());
        JsonNode table = tree.at("/models/0/tables/0");
        assertEquals("Orders", table.get("name").asText());
        assertEquals("PK", table.at("/partitionKey/name").asText());
        assertEquals("PROVISIONED", table.get("billingMode").asText());
        assertEquals(70, table.at("/capacity/readAutoScaling/targetUtilization").asInt());
        assertEquals("INCLUDE", table.at("/gsis/0/projection").asText());
        assertEquals(
                "CUSTOMER#{customerId}", table.at("/entities/0/keyTemplates/PK").asText());
        assertEquals(
                "internet.emailAddress",
                table.at("/entities/0/attributes/0/generator/kind").asText());
        assertEquals("Query", tree.at("/models/0/patterns/1/operation").asText());
        assertEquals(30, tree.at("/models/0/patterns/1/rate/peakPerSecond").asInt());
        assertEquals("CUSTOMER#1", table.at("/sampleItems/0/attributes/PK/S").asText());
    }

    @Test
    void read_rejects_a_newer_format_version() {
        ModelFormatException e = assertThrows(
                ModelFormatException.class, () -> ModelJson.read("{\"formatVersion\": 99, \"name\": \"x\"}"));
        assertTrue(e.getMessage().contains("formatVersion 99"), e.getMessage());
    }

    @Test
    void read_reports_the_line_and_column_of_broken_json() {
        ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> ModelJson.read("{\"formatVersion\": 1,\n \"name\": }"));
        assertTrue(e.getMessage().startsWith("Invalid JSON at 2:"), e.getMessage());
    }

    @Test
    void read_reports_the_path_of_a_wrong_value() {
        String json =
                "{\"formatVersion\": 1, \"name\": \"p\", \"models\": [{\"name\": \"m\", \"tables\": [{\"name\": \"T\","
                        + " \"partitionKey\": {\"name\": \"PK\", \"type\": \"X\"}}]}]}";
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelJson.read(json));
        assertTrue(e.getMessage().contains("/models/0/tables/0/partitionKey/type"), e.getMessage());
    }

    @Test
    void read_fills_defaults_for_missing_optional_parts() {
        Project project = ModelJson.read("{\"formatVersion\": 1, \"name\": \"p\", \"models\": [{\"name\": \"m\","
                + " \"tables\": [{\"name\": \"T\", \"partitionKey\": {\"name\": \"PK\", \"type\": \"S\"}}]}]}");
        TableDesign table = project.models().getFirst().tables().getFirst();
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingMode());
        assertEquals(TableClass.STANDARD, table.tableClass());
        assertTrue(table.gsis().isEmpty());
        assertTrue(project.models().getFirst().patterns().isEmpty());
    }
}

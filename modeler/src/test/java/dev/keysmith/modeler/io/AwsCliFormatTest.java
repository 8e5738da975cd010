package dev.keysmith.modeler.io;

import static dev.keysmith.modeler.io.JsonTrees.assertSameTree;
import static dev.keysmith.modeler.io.JsonTrees.json;
import static dev.keysmith.modeler.io.JsonTrees.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.StreamViewType;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TableDesign;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCliFormatTest {

    @Test
    void create_table_input_import_then_export_gives_the_original() throws Exception {
        String original = resource("/io/cli-create-table.json");
        TableDesign table = AwsCliFormat.read(original, "music")
                .project()
                .models()
                .getFirst()
                .tables()
                .getFirst();
        ExportResult exported = AwsCliFormat.write(table);
        assertSameTree(json(original), json(exported.text()));
        assertEquals(List.of(), exported.warnings());
    }

    @Test
    void every_setting_is_read() throws Exception {
        TableDesign table = AwsCliFormat.read(resource("/io/cli-create-table.json"), "music")
                .project()
                .models()
                .getFirst()
                .tables()
                .getFirst();
        assertEquals("Music", table.name());
        assertEquals(KeyAttribute.string("SongTitle"), table.sortKey());
        assertEquals(ProvisionedCapacity.of(10, 5), table.capacity());
        assertEquals(ProvisionedCapacity.of(1, 1), table.gsis().getFirst().capacity());
        assertEquals(StreamViewType.NEW_IMAGE, table.streamViewType());
        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, table.tableClass());
        assertTrue(table.deletionProtection());
    }

    @Test
    void an_array_of_inputs_gives_one_table_each_and_is_written_back_as_an_array() throws Exception {
        String one = resource("/io/cli-create-table.json");
        String two = one.replace("\"Music\"", "\"Music2\"");
        String array = "[" + one + "," + two + "]";
        DataModel model = AwsCliFormat.read(array, "music").project().models().getFirst();
        assertEquals(
                List.of("Music", "Music2"),
                model.tables().stream().map(TableDesign::name).toList());
        assertSameTree(json(array), json(AwsCliFormat.write(model).text()));
    }

    @Test
    void ttl_and_point_in_time_recovery_are_not_part_of_create_table() {
        TableDesign table = TableDesign.of("Events", KeyAttribute.string("id"), null)
                .withTtlAttribute("expiresAt")
                .withMetadata(Map.of(TableDesign.POINT_IN_TIME_RECOVERY, "true"));
        ExportResult exported = AwsCliFormat.write(table);
        assertEquals(2, exported.warnings().size());
        assertTrue(
                exported.warnings().getFirst().contains("update-time-to-live"),
                exported.warnings().toString());
        assertTrue(
                exported.warnings().get(1).contains("update-continuous-backups"),
                exported.warnings().toString());
    }

    @Test
    void a_missing_table_name_is_rejected() {
        ImportException e = assertThrows(
                ImportException.class,
                () -> AwsCliFormat.read("{\"KeySchema\": [], \"AttributeDefinitions\": []}", "x"));
        assertEquals("Missing required TableName at /", e.getMessage());
    }

    @Test
    void a_missing_table_name_in_an_array_names_the_element() {
        ImportException e = assertThrows(ImportException.class, () -> AwsCliFormat.read("[{\"KeySchema\": []}]", "x"));
        assertEquals("Missing required TableName at /0", e.getMessage());
    }

    @Test
    void truncated_json_reports_line_and_column() {
        String text = resource("/io/cli-create-table.json");
        ImportException e = assertThrows(ImportException.class, () -> AwsCliFormat.read(text.substring(0, 120), "x"));
        assertTrue(e.getMessage().startsWith("Invalid JSON: "), e.getMessage());
        assertTrue(e.location().matches("\\d+:\\d+"), e.location());
    }

    @Test
    void a_key_type_other_than_hash_or_range_is_rejected() {
        String input =
                "{\"TableName\": \"T\", \"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\":"
                        + " \"S\"}], \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"PRIMARY\"}]}";
        ImportException e = assertThrows(ImportException.class, () -> AwsCliFormat.read(input, "x"));
        assertEquals("Unknown KeyType \"PRIMARY\" (expected HASH or RANGE) at /KeySchema/0/KeyType", e.getMessage());
    }
}

package dev.keysmith.modeler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRecordsTest {

    @Test
    void lists_are_copied_so_later_changes_to_the_source_do_not_leak_in() {
        List<IndexDesign> gsis = new ArrayList<>(List.of(IndexDesign.of("G1", KeyAttribute.string("a"), null)));
        TableDesign table = TableDesign.of("T", KeyAttribute.string("PK"), null).withGsis(gsis);
        gsis.clear();
        assertEquals(1, table.gsis().size());
        assertThrows(UnsupportedOperationException.class, () -> table.gsis().clear());
    }

    @Test
    void sample_items_are_deeply_unmodifiable() {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("S", "x"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("PK", inner);
        attributes.put("tags", new ArrayList<>(List.of(Map.of("S", "a"))));
        SampleItem item = new SampleItem(null, attributes);
        inner.put("S", "changed");
        assertEquals(Map.of("S", "x"), item.attributes().get("PK"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pk = (Map<String, Object>) item.attributes().get("PK");
        assertThrows(UnsupportedOperationException.class, () -> pk.put("S", "y"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> ((List<?>) item.attributes().get("tags")).clear());
    }

    @Test
    void with_table_replaces_by_name_or_appends() {
        DataModel model = DataModel.of("m", List.of(TableDesign.of("A", KeyAttribute.string("PK"), null)));
        DataModel replaced = model.withTable(TableDesign.of("A", KeyAttribute.number("id"), null));
        assertEquals(1, replaced.tables().size());
        assertEquals(ScalarType.N, replaced.tables().getFirst().partitionKey().type());
        assertEquals(
                2,
                model.withTable(TableDesign.of("B", KeyAttribute.string("PK"), null))
                        .tables()
                        .size());
    }

    @Test
    void attribute_type_looks_at_keys_indexes_table_attributes_then_entities() {
        TableDesign table = TestModels.ordersTable();
        assertEquals(Optional.of(AttributeType.S), table.attributeType("GSI1PK"));
        assertEquals(Optional.of(AttributeType.N), table.attributeType("total"));
        assertEquals(Optional.empty(), table.attributeType("unknown"));
    }

    @Test
    void generator_text_form_round_trips() {
        GeneratorSpec range = GeneratorSpec.parse("number.range{1, 100}");
        assertEquals(new GeneratorSpec("number.range", List.of("1", "100")), range);
        assertEquals("number.range{1,100}", range.text());
        assertEquals("uuid", GeneratorSpec.parse("uuid").text());
        assertTrue(GeneratorSpec.parse("enum{A,B}").isEnumeration());
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.parse("enum{A,B"));
    }

    @Test
    void required_names_are_checked() {
        assertThrows(NullPointerException.class, () -> new KeyAttribute(null, ScalarType.S));
    }
}

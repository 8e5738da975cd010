package dev.keysmith.modeler.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.modeler.engine.Materializer;
import dev.keysmith.modeler.engine.Progress;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.sample.GenerationOptions;
import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.template.TemplatePart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A sample model materialized into the engine and imported back from it keeps its tables, indexes and key shapes. */
class LiveTableImportRoundTripTest {

    private static final Path SAMPLE = Path.of("src/test/resources/samples/RecurringPaymentsSchema.json");

    /** A template with its variables unnamed: {@code ACC#{AccountId}} and {@code ACC#{accId}} both give {@code ACC#{}}. */
    private static String shape(KeyTemplate template) {
        return template.parts().stream()
                .map(p -> switch (p) {
                    case TemplatePart.Literal(String text) -> text;
                    case TemplatePart.Variable _ -> "{}";
                })
                .collect(Collectors.joining());
    }

    /** Each entity's key templates as shapes, keyed by attribute (sorted), one map per entity. */
    private static Set<Map<String, String>> shapes(TableDesign table) {
        return table.entities().stream()
                .map(EntityType::keyTemplates)
                .map(templates -> {
                    Map<String, String> shapes = new TreeMap<>();
                    templates.forEach((k, t) -> shapes.put(k, shape(t)));
                    return shapes;
                })
                .collect(Collectors.toSet());
    }

    private static Map<String, String> indexes(TableDesign table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (IndexDesign index : table.indexes()) {
            out.put(index.name(), index.partitionKey() + " " + index.sortKey() + " " + index.projection());
        }
        return out;
    }

    @Test
    void a_materialized_sample_model_imports_back_with_its_keys_indexes_and_key_templates() throws Exception {
        DataModel original = NoSqlWorkbenchFormat.read(Files.readString(SAMPLE))
                .project()
                .models()
                .getFirst();
        ImportResult imported;
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory())) {
            Materializer materializer = new Materializer(engine);
            materializer.apply(materializer.plan(original), false, Progress.NONE);
            assertFalse(materializer
                    .load(original, GenerationOptions.defaults().withDefaultItemCount(15), Progress.NONE)
                    .cancelled());

            imported = LiveTableImport.read(engine, List.of(), LiveImportOptions.of("back", "engine"));
        }

        List<TableDesign> tables = imported.project().models().getFirst().tables();
        assertEquals(
                original.tables().stream().map(TableDesign::name).toList(),
                tables.stream().map(TableDesign::name).toList());
        for (TableDesign want : original.tables()) {
            TableDesign got = tables.stream()
                    .filter(t -> t.name().equals(want.name()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(want.partitionKey(), got.partitionKey());
            assertEquals(want.sortKey(), got.sortKey());
            assertEquals(want.billingMode(), got.billingMode());
            assertEquals(want.capacity() == null, got.capacity() == null);
            assertEquals(indexes(want), indexes(got));
            assertEquals(shapes(want), shapes(got), "entity key templates of " + want.name());
        }
    }
}

package dev.keysmith.modeler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.modeler.io.NoSqlWorkbenchFormat;
import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.sample.GenerationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared sample model materializes into the embedded engine, loads sample data and serves key-based reads. */
class SampleModelsTest {

    static Stream<Path> samples() throws Exception {
        return Files.list(Path.of("src/test/resources/samples"))
                .filter(p -> p.toString().endsWith(".json"))
                .sorted();
    }

    /** A GetItem on the table key and a Query on each GSI's partition key, parameters named after the attributes. */
    private static List<AccessPattern> keyPatterns(TableDesign table) {
        List<AccessPattern> patterns = new ArrayList<>();
        String key = table.keyNames().stream()
                .map(k -> k + " = {" + k + "}")
                .reduce((a, b) -> a + " AND " + b)
                .orElseThrow();
        patterns.add(AccessPattern.of("get-" + table.name(), "get", Operation.GetItem, table.name(), key, Rate.of(1)));
        for (IndexDesign gsi : table.gsis()) {
            String pk = gsi.partitionKey().name();
            patterns.add(AccessPattern.of(
                            "query-" + gsi.name(),
                            "query",
                            Operation.Query,
                            table.name(),
                            pk + " = {" + pk + "}",
                            Rate.of(1))
                    .withIndex(gsi.name()));
        }
        return patterns;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void the_sample_materializes_loads_and_serves_its_key_patterns(Path file) throws Exception {
        DataModel imported = NoSqlWorkbenchFormat.read(Files.readString(file))
                .project()
                .models()
                .getFirst();
        DataModel model = imported.withPatterns(
                imported.tables().stream().flatMap(t -> keyPatterns(t).stream()).toList());
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory())) {
            Materializer materializer = new Materializer(engine);
            materializer.apply(materializer.plan(model), false, Progress.NONE);
            LoadResult load =
                    materializer.load(model, GenerationOptions.defaults().withDefaultItemCount(20), Progress.NONE);
            assertFalse(load.cancelled());
            assertTrue(load.written() > 0, "items loaded");
            assertTrue(materializer.plan(model).isEmpty());

            List<PatternResult> results = new PatternRunner(engine).run(model);

            assertEquals(model.patterns().size(), results.size());
            for (PatternResult r : results) {
                assertTrue(
                        r.met(),
                        file.getFileName() + " " + r.pattern().id() + ": " + r.unservable() + " " + r.problems());
                assertTrue(r.itemsReturned() > 0);
                assertTrue(r.traces().stream().noneMatch(t -> t.operation().equals("Scan")));
            }
        }
    }
}

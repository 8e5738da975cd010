package dev.keysmith.app.cli;

import dev.keysmith.modeler.engine.LoadResult;
import dev.keysmith.modeler.engine.Materializer;
import dev.keysmith.modeler.engine.Plan;
import dev.keysmith.modeler.engine.Progress;
import dev.keysmith.modeler.engine.Step;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.sample.GenerationOptions;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Sample-data options shared by {@code materialize} and {@code patterns}, and the materialization itself. */
final class LoadOptions {

    @Option(
            names = "--items",
            paramLabel = "N",
            description = "Items per entity type (default: each entity's volume, at most 10,000; 10 without one).")
    @Nullable
    Long items;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: 1).")
    long seed = 1;

    GenerationOptions generation(DataModel model) {
        GenerationOptions options = GenerationOptions.defaults().withSeed(seed);
        if (items == null) {
            return options;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        model.tables().forEach(t -> t.entities().stream().map(EntityType::name).forEach(n -> counts.put(n, items)));
        return options.withItemCounts(counts);
    }

    /** Plans, applies (destructive steps only when allowed) and loads; prints what it does. */
    static LoadResult materialize(
            Materializer materializer,
            DataModel model,
            GenerationOptions options,
            boolean allowDestructive,
            PrintWriter out)
            throws CliFailure {
        Plan plan = materializer.plan(model);
        if (plan.isEmpty()) {
            out.println("The tables already match the model.");
        }
        for (Step step : plan.steps()) {
            out.println((step.destructive() ? "  ! " : "  + ") + step.description());
        }
        if (plan.isDestructive() && !allowDestructive) {
            throw new CliFailure("the plan deletes items (marked !); rerun with --allow-destructive to apply it");
        }
        materializer.apply(plan, allowDestructive, Progress.NONE);
        long start = System.nanoTime();
        LoadResult result = materializer.load(model, options, new Progress() {
            private long reported;

            @Override
            public void update(long done, long total, String message) {
                if (total > 0 && done * 10 / total > reported * 10 / total) {
                    out.printf("  %,d of %,d items%n", done, total);
                    out.flush();
                    reported = done;
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                "Loaded %,d items in %.1f s (%,d BatchWriteItem calls).%n",
                result.written(), seconds, result.batches());
        return result;
    }
}

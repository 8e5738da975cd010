package dev.keysmith.modeler.bench;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.modeler.engine.LoadResult;
import dev.keysmith.modeler.engine.Materializer;
import dev.keysmith.modeler.engine.Progress;
import dev.keysmith.modeler.sample.GenerationOptions;
import dev.keysmith.modeler.sample.ShopModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Materializing sample items into the embedded engine, in memory or (with {@code disk}) in a temporary folder:
 * {@code java ... MaterializeBench [items [lanes [memory|disk]]]} creates the shop tables (one GSI) and loads that many
 * items (half customers, half orders) on that many lanes of concurrent BatchWriteItem calls (default {@link
 * Materializer#DEFAULT_LOAD_LANES}), then prints items per second and the time 1 million items would take at that
 * rate.
 */
public final class MaterializeBench {

    private MaterializeBench() {}

    public static void main(String[] args) throws IOException {
        long items = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int lanes = args.length > 1 ? Integer.parseInt(args[1]) : Materializer.DEFAULT_LOAD_LANES;
        boolean onDisk = args.length > 2 && args[2].equals("disk");
        Path dir = Files.createTempDirectory("keysmith-materialize-bench");
        try (KeysmithEngine engine = KeysmithEngine.open(onDisk ? EngineConfig.onDisk(dir) : EngineConfig.inMemory())) {
            Materializer materializer = new Materializer(engine, lanes);
            materializer.apply(materializer.plan(ShopModel.model()), false, Progress.NONE);
            GenerationOptions options = GenerationOptions.defaults()
                    .withStoredSamples(false)
                    .withItemCounts(Map.of("Customer", items / 2, "Order", items - items / 2));
            long start = System.nanoTime();
            LoadResult result = materializer.load(ShopModel.model(), options, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%,d items in %.1f s = %,.0f items/s; 1,000,000 items would take %.1f s%n",
                    result.written(), seconds, result.written() / seconds, 1_000_000 / (result.written() / seconds));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

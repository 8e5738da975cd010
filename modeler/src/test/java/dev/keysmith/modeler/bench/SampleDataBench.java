package dev.keysmith.modeler.bench;

import dev.keysmith.modeler.sample.FanOut;
import dev.keysmith.modeler.sample.GenerationOptions;
import dev.keysmith.modeler.sample.SampleDataGenerator;
import dev.keysmith.modeler.sample.ShopModel;
import java.util.List;
import java.util.Map;

/**
 * Sample-data generation throughput: {@code java ... SampleDataBench [customers]} generates customers with 1 to 9 orders
 * each (about 6 items per customer) and prints items per second.
 */
public final class SampleDataBench {

    private SampleDataBench() {}

    public static void main(String[] args) {
        long customers = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        GenerationOptions options = GenerationOptions.defaults()
                .withItemCounts(Map.of("Customer", customers))
                .withFanOuts(List.of(new FanOut("Order", "Customer", 1, 9)));
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long items =
                    new SampleDataGenerator(ShopModel.model(), options).stream().count();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "round %d: %,d items in %.2f s = %,.0f items/s%n", round, items, seconds, items / seconds);
        }
    }
}

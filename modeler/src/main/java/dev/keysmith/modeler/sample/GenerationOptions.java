package dev.keysmith.modeler.sample;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SampleDataGenerator} produces.
 *
 * @param seed the random seed; the same seed and model give the same items
 * @param itemCounts items per entity type name, overriding the entity's {@code Volume.itemCount}
 * @param defaultItemCount items for an entity type with neither an override nor a volume
 * @param maxItemsPerEntity upper bound applied to every per-entity count (volumes can say billions), or 0 for none
 * @param fanOuts parent-child fan-outs
 * @param skews hot partitions
 * @param includeStoredSamples whether the tables' stored sample items come first in the output
 */
public record GenerationOptions(
        long seed,
        Map<String, Long> itemCounts,
        long defaultItemCount,
        long maxItemsPerEntity,
        List<FanOut> fanOuts,
        List<Skew> skews,
        boolean includeStoredSamples) {

    public GenerationOptions {
        itemCounts = Map.copyOf(Objects.requireNonNull(itemCounts, "itemCounts"));
        fanOuts = List.copyOf(Objects.requireNonNull(fanOuts, "fanOuts"));
        skews = List.copyOf(Objects.requireNonNull(skews, "skews"));
        if (defaultItemCount < 0 || maxItemsPerEntity < 0) {
            throw new IllegalArgumentException("item counts cannot be negative");
        }
    }

    /** Seed 1, 10 items per entity type without a volume, at most 10,000 per entity, stored samples included. */
    public static GenerationOptions defaults() {
        return new GenerationOptions(1, Map.of(), 10, 10_000, List.of(), List.of(), true);
    }

    public GenerationOptions withSeed(long seed) {
        return new GenerationOptions(
                seed, itemCounts, defaultItemCount, maxItemsPerEntity, fanOuts, skews, includeStoredSamples);
    }

    public GenerationOptions withItemCounts(Map<String, Long> itemCounts) {
        return new GenerationOptions(
                seed, itemCounts, defaultItemCount, maxItemsPerEntity, fanOuts, skews, includeStoredSamples);
    }

    public GenerationOptions withDefaultItemCount(long defaultItemCount) {
        return new GenerationOptions(
                seed, itemCounts, defaultItemCount, maxItemsPerEntity, fanOuts, skews, includeStoredSamples);
    }

    public GenerationOptions withMaxItemsPerEntity(long maxItemsPerEntity) {
        return new GenerationOptions(
                seed, itemCounts, defaultItemCount, maxItemsPerEntity, fanOuts, skews, includeStoredSamples);
    }

    public GenerationOptions withFanOuts(List<FanOut> fanOuts) {
        return new GenerationOptions(
                seed, itemCounts, defaultItemCount, maxItemsPerEntity, fanOuts, skews, includeStoredSamples);
    }

    public GenerationOptions withSkews(List<Skew> skews) {
        return new GenerationOptions(
                seed, itemCounts, defaultItemCount, maxItemsPerEntity, fanOuts, skews, includeStoredSamples);
    }

    public GenerationOptions withStoredSamples(boolean includeStoredSamples) {
        return new GenerationOptions(
                seed, itemCounts, defaultItemCount, maxItemsPerEntity, fanOuts, skews, includeStoredSamples);
    }

    Optional<FanOut> fanOutOf(String child) {
        return fanOuts.stream().filter(f -> f.child().equals(child)).findFirst();
    }

    Optional<Skew> skewOf(String entityType) {
        return skews.stream().filter(s -> s.entityType().equals(entityType)).findFirst();
    }
}

package dev.keysmith.modeler.estimate;

import org.jspecify.annotations.Nullable;

/**
 * The size of one entity type's items.
 *
 * @param itemBytes the size the estimate uses (model or sample statistic, times the item size multiplier)
 * @param modelBytes the size from the model's attributes and typical value sizes
 * @param samples the sizes measured from sample items, or null when there are none
 * @param itemCount items stored
 */
public record EntitySize(
        String table,
        String entity,
        long itemBytes,
        long modelBytes,
        @Nullable SampleStats samples,
        long itemCount,
        String formula) {}

package dev.keysmith.modeler.estimate;

import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.TableDesign;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changed assumptions for a what-if estimate: traffic and item sizes scaled, index projections changed, global
 * secondary indexes removed. Indexes are named {@code "Table.Index"}.
 */
public record WhatIf(
        double trafficMultiplier,
        double itemSizeMultiplier,
        Map<String, Projection> projections,
        Set<String> removedIndexes) {

    /** A new projection for an index. */
    public record Projection(ProjectionKind kind, List<String> nonKeyAttributes) {
        public Projection {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    /** No change at all. */
    public static final WhatIf NONE = new WhatIf(1, 1, Map.of(), Set.of());

    public WhatIf {
        if (!(trafficMultiplier >= 0) || !(itemSizeMultiplier > 0)) {
            throw new IllegalArgumentException(
                    "The traffic multiplier must be non-negative and the item size multiplier positive");
        }
        projections = Map.copyOf(projections);
        removedIndexes = Set.copyOf(removedIndexes);
    }

    public WhatIf withTrafficMultiplier(double multiplier) {
        return new WhatIf(multiplier, itemSizeMultiplier, projections, removedIndexes);
    }

    public WhatIf withItemSizeMultiplier(double multiplier) {
        return new WhatIf(trafficMultiplier, multiplier, projections, removedIndexes);
    }

    public WhatIf withProjection(String tableDotIndex, Projection projection) {
        Map<String, Projection> all = new HashMap<>(projections);
        all.put(tableDotIndex, projection);
        return new WhatIf(trafficMultiplier, itemSizeMultiplier, all, removedIndexes);
    }

    public WhatIf withoutIndex(String tableDotIndex) {
        Set<String> all = new HashSet<>(removedIndexes);
        all.add(tableDotIndex);
        return new WhatIf(trafficMultiplier, itemSizeMultiplier, projections, all);
    }

    /** The options with the multipliers applied on top of theirs. */
    public EstimateOptions apply(EstimateOptions options) {
        return options.withTrafficMultiplier(options.trafficMultiplier() * trafficMultiplier)
                .withItemSizeMultiplier(options.itemSizeMultiplier() * itemSizeMultiplier);
    }

    /**
     * The model with the projections changed and the indexes removed.
     *
     * @throws IllegalArgumentException naming an index the model does not have (or a removed index that is not global)
     */
    public DataModel apply(DataModel model) {
        DataModel changed = model;
        for (Map.Entry<String, Projection> e : projections.entrySet()) {
            String[] name = split(e.getKey());
            TableDesign table = table(changed, name);
            Projection p = e.getValue();
            if (table.gsis().stream().anyMatch(i -> i.name().equals(name[1]))) {
                changed = changed.withTable(table.withGsis(reproject(table.gsis(), name[1], p)));
            } else if (table.lsis().stream().anyMatch(i -> i.name().equals(name[1]))) {
                changed = changed.withTable(table.withLsis(reproject(table.lsis(), name[1], p)));
            } else {
                throw new IllegalArgumentException("Table " + name[0] + " has no index " + name[1]);
            }
        }
        for (String removed : removedIndexes) {
            String[] name = split(removed);
            TableDesign table = table(changed, name);
            if (table.gsis().stream().noneMatch(i -> i.name().equals(name[1]))) {
                throw new IllegalArgumentException("Table " + name[0] + " has no global secondary index " + name[1]);
            }
            changed = changed.withTable(table.withGsis(
                    table.gsis().stream().filter(i -> !i.name().equals(name[1])).toList()));
        }
        return changed;
    }

    private static List<IndexDesign> reproject(List<IndexDesign> indexes, String name, Projection p) {
        return indexes.stream()
                .map(i -> i.name().equals(name) ? i.withProjection(p.kind(), p.nonKeyAttributes()) : i)
                .toList();
    }

    private static TableDesign table(DataModel model, String[] name) {
        return model.table(name[0])
                .orElseThrow(() -> new IllegalArgumentException("The model has no table " + name[0]));
    }

    private static String[] split(String tableDotIndex) {
        int dot = tableDotIndex.indexOf('.');
        if (dot <= 0 || dot == tableDotIndex.length() - 1) {
            throw new IllegalArgumentException("Name an index as Table.Index, not '" + tableDotIndex + "'");
        }
        return new String[] {tableDotIndex.substring(0, dot), tableDotIndex.substring(dot + 1)};
    }
}

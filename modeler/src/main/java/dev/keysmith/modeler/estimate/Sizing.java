package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.estimate.Fmt.num;

import dev.keysmith.modeler.estimate.EstimateOptions.SizeStatistic;
import dev.keysmith.modeler.estimate.LineItem.Section;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.template.TemplatePart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Item and index-entry sizes of one table's entity types: from the model (attribute names plus typical value sizes,
 * key values from their templates) and, where sample items exist, measured from them.
 */
final class Sizing {
    /** Typical size of a key-template variable that no attribute describes (e.g. an id). */
    static final long VARIABLE_BYTES = 16;

    private static final String UNTYPED = "(items)";
    private static final int LISTED_SAMPLES = 20;

    /** One attribute's bytes (name plus value) and how they were found. */
    private record Term(double bytes, String formula) {}

    private final TableDesign table;
    private final EstimateOptions options;
    private final List<String> warnings;
    final List<EntityProfile> profiles = new ArrayList<>();
    final List<EntitySize> entitySizes = new ArrayList<>();
    final List<IndexEntrySize> indexEntrySizes = new ArrayList<>();
    final List<LineItem> lines = new ArrayList<>();

    Sizing(TableDesign table, EstimateOptions options, List<String> warnings) {
        this.table = table;
        this.options = options;
        this.warnings = warnings;
        Map<String, List<Map<String, Object>>> samples = samplesByEntity();
        if (table.entities().isEmpty()) {
            profile(UNTYPED, untypedTerms(), Map.of(), 0, samples.getOrDefault(UNTYPED, List.of()));
        }
        for (EntityType entity : table.entities()) {
            profile(
                    entity.name(),
                    modelTerms(entity),
                    entity.keyTemplates(),
                    entity.volume().itemCount(),
                    samples.getOrDefault(entity.name(), List.of()));
        }
    }

    private void profile(
            String name,
            Map<String, Term> modelTerms,
            Map<String, KeyTemplate> keyTemplates,
            long itemCount,
            List<Map<String, Object>> samples) {
        String scope = "entity " + table.name() + "." + name;
        double multiplier = options.itemSizeMultiplier();
        double modelSum = modelTerms.values().stream().mapToDouble(Term::bytes).sum();
        long modelBytes = ceil(modelSum);
        long itemBytes;
        String formula;
        SampleStats stats = null;
        Map<String, Term> terms = modelTerms;
        if (samples.isEmpty()) {
            itemBytes = ceil(modelSum * multiplier);
            formula = scaled(sum(modelTerms), modelSum, multiplier) + " = " + num(itemBytes, "B");
        } else {
            long[] sizes = samples.stream().mapToLong(ItemSizes::item).sorted().toArray();
            double average = Arrays.stream(sizes).average().orElse(0);
            long p95 = sizes[(int) Math.ceil(0.95 * sizes.length) - 1];
            stats = new SampleStats(sizes.length, average, p95);
            terms = sampleTerms(samples, modelTerms.keySet());
            if (options.sizeStatistic() == SizeStatistic.P95) {
                itemBytes = ceil(p95 * multiplier);
                formula = "ceil(" + num(p95, "B") + " [95th percentile of " + sizes.length + " sample items]"
                        + (multiplier == 1 ? "" : " x " + num(multiplier) + " [item size multiplier]") + ") = "
                        + num(itemBytes, "B");
            } else {
                itemBytes = ceil(average * multiplier);
                String total = sizes.length <= LISTED_SAMPLES
                        ? "(" + Arrays.stream(sizes).mapToObj(Fmt::num).collect(Collectors.joining(" + ")) + ") B"
                        : num(Arrays.stream(sizes).sum(), "B") + " [sum of the sample sizes]";
                formula = "ceil(" + total + " / " + sizes.length + " [sample items, average]"
                        + (multiplier == 1 ? "" : " x " + num(multiplier) + " [item size multiplier]") + ") = "
                        + num(itemBytes, "B");
            }
        }
        if (itemBytes > 409_600) {
            warnings.add("Items of " + table.name() + "." + name + " are about " + num(itemBytes, "B")
                    + ", over DynamoDB's 400 KB item size limit (409,600 B)");
        }
        entitySizes.add(new EntitySize(table.name(), name, itemBytes, modelBytes, stats, itemCount, formula));
        lines.add(new LineItem(Section.SIZE, scope, "item size", itemBytes, "B", formula));

        Map<String, Long> entries = new LinkedHashMap<>();
        Set<String> attributes = new LinkedHashSet<>(modelTerms.keySet());
        attributes.addAll(terms.keySet());
        for (IndexDesign index : table.indexes()) {
            if (!holds(index, keyTemplates, attributes)) {
                continue;
            }
            Map<String, Term> projected = new LinkedHashMap<>();
            long entryBytes;
            String entryFormula;
            if (index.projection() == ProjectionKind.ALL) {
                entryBytes = itemBytes;
                entryFormula = num(itemBytes, "B") + " [whole item, projection ALL] = " + num(entryBytes, "B");
            } else {
                Set<String> names = new LinkedHashSet<>(index.keyNames());
                names.addAll(table.keyNames());
                if (index.projection() == ProjectionKind.INCLUDE) {
                    names.addAll(index.nonKeyAttributes());
                }
                for (String attribute : names) {
                    // measured where the samples have the attribute, from the model where they do not
                    Term term = terms.getOrDefault(attribute, modelTerms.get(attribute));
                    if (term != null) {
                        projected.put(attribute, term);
                    }
                }
                double sum =
                        projected.values().stream().mapToDouble(Term::bytes).sum();
                entryBytes = ceil(sum * multiplier);
                entryFormula = scaled(sum(projected), sum, multiplier) + " = " + num(entryBytes, "B");
            }
            entries.put(index.name(), entryBytes);
            long storage = entryBytes + options.prices().units().perItemStorageOverheadBytes();
            indexEntrySizes.add(
                    new IndexEntrySize(table.name(), index.name(), name, entryBytes, storage, itemCount, entryFormula));
            String indexScope = "index " + table.name() + "." + index.name() + " entity " + name;
            lines.add(new LineItem(Section.SIZE, indexScope, "entry size", entryBytes, "B", entryFormula));
        }
        boolean expires = table.ttlAttribute() != null && terms.containsKey(table.ttlAttribute());
        profiles.add(new EntityProfile(table.name(), name, itemBytes, itemCount, entries, expires, keyTemplates));
    }

    /** An index holds an item only when the item has all of the index's key attributes (sparse indexes). */
    private boolean holds(IndexDesign index, Map<String, KeyTemplate> keyTemplates, Set<String> attributes) {
        return index.keyNames().stream().allMatch(k -> keyTemplates.containsKey(k) || attributes.contains(k));
    }

    private Map<String, Term> modelTerms(EntityType entity) {
        Map<String, Term> terms = new LinkedHashMap<>();
        entity.keyTemplates().forEach((attribute, template) -> {
            Optional<AttributeSpec> spec = entity.attribute(attribute);
            if (spec.isEmpty() || spec.get().typicalSizeBytes() == null) {
                terms.put(attribute, keyTerm(entity, attribute, template));
            }
        });
        for (AttributeSpec spec : entity.attributes()) {
            if (!terms.containsKey(spec.name())) {
                terms.put(spec.name(), specTerm(spec.name(), spec.type(), spec.typicalSizeBytes()));
            }
        }
        return terms;
    }

    private Map<String, Term> untypedTerms() {
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String key : table.keyNames()) {
            terms.put(key, specTerm(key, table.attributeType(key).orElse(AttributeType.S), null));
        }
        for (IndexDesign index : table.indexes()) {
            for (String key : index.keyNames()) {
                terms.putIfAbsent(key, specTerm(key, table.attributeType(key).orElse(AttributeType.S), null));
            }
        }
        for (AttributeSpec spec : table.attributes()) {
            terms.putIfAbsent(spec.name(), specTerm(spec.name(), spec.type(), spec.typicalSizeBytes()));
        }
        return terms;
    }

    private static Term specTerm(String name, AttributeType type, @Nullable Integer typicalSize) {
        long value = typicalSize != null ? typicalSize : ItemSizes.typical(type);
        long nameBytes = ItemSizes.utf8(name);
        return new Term(nameBytes + value, "(" + nameBytes + " + " + value + ")");
    }

    /** A key value's size from its template: literal bytes plus a typical size for each variable. */
    private Term keyTerm(EntityType entity, String attribute, KeyTemplate template) {
        long nameBytes = ItemSizes.utf8(attribute);
        long bytes = nameBytes;
        StringBuilder f = new StringBuilder("(").append(nameBytes);
        for (TemplatePart part : template.parts()) {
            long partBytes = switch (part) {
                case TemplatePart.Literal(String text) -> ItemSizes.utf8(text);
                case TemplatePart.Variable(String variable) -> variableBytes(entity, variable);
            };
            bytes += partBytes;
            f.append(" + ").append(partBytes);
        }
        return new Term(bytes, f.append(")").toString());
    }

    private long variableBytes(EntityType entity, String variable) {
        Optional<AttributeSpec> spec = entity.attribute(variable);
        if (spec.isPresent()) {
            Integer typical = spec.get().typicalSizeBytes();
            return typical != null ? typical : ItemSizes.typical(spec.get().type());
        }
        return table.attributeType(variable).map(ItemSizes::typical).orElse(VARIABLE_BYTES);
    }

    /** Average bytes of each attribute over the samples (absent counts as 0), in model order first. */
    private static Map<String, Term> sampleTerms(List<Map<String, Object>> samples, Set<String> modelOrder) {
        Map<String, Double> totals = new LinkedHashMap<>();
        modelOrder.forEach(a -> totals.put(a, 0.0));
        for (Map<String, Object> sample : samples) {
            sample.forEach((attribute, value) ->
                    totals.merge(attribute, (double) ItemSizes.attribute(attribute, value), Double::sum));
        }
        Map<String, Term> terms = new LinkedHashMap<>();
        totals.forEach((attribute, total) -> {
            if (total > 0) {
                double average = total / samples.size();
                terms.put(attribute, new Term(average, num(average)));
            }
        });
        return terms;
    }

    private Map<String, List<Map<String, Object>>> samplesByEntity() {
        Map<String, List<Map<String, Object>>> byEntity = new LinkedHashMap<>();
        int index = 0;
        for (SampleItem sample : table.sampleItems()) {
            index++;
            try {
                ItemSizes.item(sample.attributes());
            } catch (IllegalArgumentException e) {
                warnings.add("Sample item " + index + " of table " + table.name()
                        + " is not DynamoDB JSON and was left out of the sizes: " + e.getMessage());
                continue;
            }
            String entity = entityOf(sample);
            if (entity != null) {
                byEntity.computeIfAbsent(entity, k -> new ArrayList<>()).add(sample.attributes());
            }
        }
        return byEntity;
    }

    private @Nullable String entityOf(SampleItem sample) {
        if (sample.entityType() != null) {
            return table.entity(sample.entityType()).isPresent() ? sample.entityType() : null;
        }
        if (table.entities().isEmpty()) {
            return UNTYPED;
        }
        if (table.entities().size() == 1) {
            return table.entities().getFirst().name();
        }
        for (EntityType entity : table.entities()) {
            boolean matches = table.keyNames().stream().allMatch(key -> {
                Object value = sample.attributes().get(key);
                Optional<KeyTemplate> template = entity.keyTemplate(key);
                return template.isPresent()
                        && value instanceof Map<?, ?> typed
                        && typed.size() == 1
                        && template.get()
                                .match(String.valueOf(typed.values().iterator().next()))
                                .isPresent();
            });
            if (matches) {
                return entity.name();
            }
        }
        return null;
    }

    private static String sum(Map<String, Term> terms) {
        if (terms.isEmpty()) {
            return "0";
        }
        return terms.entrySet().stream()
                .map(e -> e.getValue().formula() + " [" + e.getKey() + "]")
                .collect(Collectors.joining(" + "));
    }

    private static String scaled(String sum, double value, double multiplier) {
        if (multiplier != 1) {
            return "ceil((" + sum + ") x " + num(multiplier) + " [item size multiplier])";
        }
        return value == Math.rint(value) ? sum : "ceil(" + sum + ")";
    }

    static long ceil(double bytes) {
        return (long) Math.ceil(bytes - 1e-9);
    }
}

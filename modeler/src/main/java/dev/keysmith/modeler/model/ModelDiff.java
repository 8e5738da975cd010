package dev.keysmith.modeler.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lists readable differences between two versions of a project, e.g. {@code table Orders: GSI GSI1 added},
 * {@code entity Customer: attribute email type S -> N}, {@code pattern 'Get orders': rate 10/s -> 20/s}. Named
 * elements (models, tables, indexes, entity types, attributes, patterns by id) are matched by name, so a rename shows as
 * a removal plus an addition. Order of lines: project, then per model, tables (with their indexes and entity types),
 * then patterns.
 */
public final class ModelDiff {

    private final List<Change> changes = new ArrayList<>();

    private ModelDiff() {}

    public static List<Change> diff(Project before, Project after) {
        ModelDiff diff = new ModelDiff();
        diff.field("project " + before.name(), "name", before.name(), after.name());
        diff.field("project " + after.name(), "metadata", before.metadata(), after.metadata());
        diff.named("project " + after.name(), "model", before.models(), after.models(), DataModel::name, diff::model);
        return List.copyOf(diff.changes);
    }

    private void model(DataModel a, DataModel b) {
        String subject = "model " + b.name();
        field(subject, "description", a.description(), b.description());
        named(subject, "table", a.tables(), b.tables(), TableDesign::name, this::table);
        named(subject, "pattern", a.patterns(), b.patterns(), AccessPattern::id, this::pattern);
    }

    private void table(TableDesign a, TableDesign b) {
        String subject = "table " + b.name();
        field(subject, "partition key", key(a.partitionKey()), key(b.partitionKey()));
        field(subject, "sort key", key(a.sortKey()), key(b.sortKey()));
        field(subject, "billing mode", a.billingMode(), b.billingMode());
        field(subject, "capacity", capacity(a.capacity()), capacity(b.capacity()));
        field(subject, "table class", a.tableClass(), b.tableClass());
        field(subject, "TTL attribute", a.ttlAttribute(), b.ttlAttribute());
        field(subject, "stream", a.streamViewType(), b.streamViewType());
        field(subject, "deletion protection", a.deletionProtection(), b.deletionProtection());
        field(subject, "metadata", a.metadata(), b.metadata());
        named(subject, "GSI", a.gsis(), b.gsis(), IndexDesign::name, (x, y) -> index(subject, "GSI", x, y));
        named(subject, "LSI", a.lsis(), b.lsis(), IndexDesign::name, (x, y) -> index(subject, "LSI", x, y));
        named(
                subject,
                "attribute",
                a.attributes(),
                b.attributes(),
                AttributeSpec::name,
                (x, y) -> attribute(subject, x, y));
        named(subject, "entity", a.entities(), b.entities(), EntityType::name, this::entity);
        if (!a.sampleItems().equals(b.sampleItems())) {
            changes.add(new Change(
                    subject,
                    "sample items changed (" + a.sampleItems().size() + " -> "
                            + b.sampleItems().size() + ")"));
        }
    }

    private void index(String tableSubject, String kind, IndexDesign a, IndexDesign b) {
        String prefix = kind + " " + b.name() + " ";
        field(tableSubject, prefix + "partition key", key(a.partitionKey()), key(b.partitionKey()));
        field(tableSubject, prefix + "sort key", key(a.sortKey()), key(b.sortKey()));
        field(tableSubject, prefix + "projection", projection(a), projection(b));
        field(tableSubject, prefix + "capacity", capacity(a.capacity()), capacity(b.capacity()));
    }

    private void entity(EntityType a, EntityType b) {
        String subject = "entity " + b.name();
        Map<String, String> keysBefore = new LinkedHashMap<>();
        a.keyTemplates().forEach((k, v) -> keysBefore.put(k, v.text()));
        Map<String, String> keysAfter = new LinkedHashMap<>();
        b.keyTemplates().forEach((k, v) -> keysAfter.put(k, v.text()));
        for (String attribute : union(keysBefore.keySet(), keysAfter.keySet())) {
            field(subject, "key template " + attribute, keysBefore.get(attribute), keysAfter.get(attribute));
        }
        named(
                subject,
                "attribute",
                a.attributes(),
                b.attributes(),
                AttributeSpec::name,
                (x, y) -> attribute(subject, x, y));
        field(subject, "volume", volume(a.volume()), volume(b.volume()));
    }

    private void attribute(String subject, AttributeSpec a, AttributeSpec b) {
        String prefix = "attribute " + b.name() + " ";
        field(subject, prefix + "type", a.type(), b.type());
        field(subject, prefix + "required", a.required(), b.required());
        field(subject, prefix + "generator", generator(a.generator()), generator(b.generator()));
        field(subject, prefix + "typical size", a.typicalSizeBytes(), b.typicalSizeBytes());
    }

    private void pattern(AccessPattern a, AccessPattern b) {
        String subject = "pattern '" + b.name() + "'";
        field(subject, "name", a.name(), b.name());
        field(subject, "description", a.description(), b.description());
        field(subject, "operation", a.operation(), b.operation());
        field(subject, "table", a.table(), b.table());
        field(subject, "index", a.index(), b.index());
        field(subject, "key condition", a.keyCondition(), b.keyCondition());
        field(subject, "filter", a.filter(), b.filter());
        field(subject, "projection", a.projection(), b.projection());
        field(subject, "consistency", a.consistency(), b.consistency());
        field(subject, "rate", rate(a.rate().averagePerSecond()), rate(b.rate().averagePerSecond()));
        field(
                subject,
                "peak rate",
                rate(a.rate().peakPerSecond()),
                rate(b.rate().peakPerSecond()));
        field(subject, "items per request", a.expectedItemsPerRequest(), b.expectedItemsPerRequest());
        field(subject, "entity types", a.expectedEntityTypes(), b.expectedEntityTypes());
    }

    private <T> void named(
            String subject, String kind, List<T> before, List<T> after, Function<T, String> name, Both<T> compare) {
        Map<String, T> a = byName(before, name);
        Map<String, T> b = byName(after, name);
        for (String key : union(a.keySet(), b.keySet())) {
            T x = a.get(key);
            T y = b.get(key);
            if (x == null) {
                changes.add(new Change(subject, kind + " " + label(y, key) + " added"));
            } else if (y == null) {
                changes.add(new Change(subject, kind + " " + label(x, key) + " removed"));
            } else if (!x.equals(y)) {
                compare.accept(x, y);
            }
        }
    }

    private static String label(Object element, String key) {
        return element instanceof AccessPattern p ? "'" + p.name() + "'" : key;
    }

    private void field(String subject, String label, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(subject, label + " " + text(before) + " -> " + text(after)));
        }
    }

    private static String text(@Nullable Object value) {
        return value == null ? "none" : value.toString();
    }

    private static <T> Map<String, T> byName(List<T> list, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        list.forEach(e -> map.putIfAbsent(name.apply(e), e));
        return map;
    }

    private static List<String> union(Iterable<String> a, Iterable<String> b) {
        List<String> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(k -> {
            if (!all.contains(k)) {
                all.add(k);
            }
        });
        return all;
    }

    private static @Nullable String key(@Nullable KeyAttribute key) {
        return key == null ? null : key.name() + " " + key.type();
    }

    private static @Nullable String capacity(@Nullable ProvisionedCapacity c) {
        if (c == null) {
            return null;
        }
        String text = c.readCapacityUnits() + " RCU/" + c.writeCapacityUnits() + " WCU";
        if (c.readAutoScaling() != null) {
            text += ", read auto scaling " + scaling(c.readAutoScaling());
        }
        if (c.writeAutoScaling() != null) {
            text += ", write auto scaling " + scaling(c.writeAutoScaling());
        }
        return text;
    }

    private static String scaling(AutoScaling s) {
        return s.minCapacity() + ".." + s.maxCapacity() + " at " + number(s.targetUtilization()) + "%";
    }

    private static String projection(IndexDesign index) {
        return index.projection() == ProjectionKind.INCLUDE
                ? "INCLUDE " + index.nonKeyAttributes()
                : index.projection().name();
    }

    private static @Nullable String generator(@Nullable GeneratorSpec generator) {
        return generator == null ? null : generator.text();
    }

    private static String volume(Volume v) {
        return v.itemCount() + " items, +" + v.monthlyGrowth() + "/month, " + number(v.writesPerSecond()) + " writes/s"
                + (v.readsPerSecond() == null ? "" : ", " + number(v.readsPerSecond()) + " reads/s");
    }

    private static String rate(double perSecond) {
        return number(perSecond) + "/s";
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @FunctionalInterface
    private interface Both<T> {
        void accept(T before, T after);
    }
}

package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.GeneratorSpec;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A partition key with few values (a constant template, or variables whose attributes are generated from an
 * {@code enum}) concentrates traffic: one partition key value serves at most 1,000 WCU and 3,000 RCU per second.
 * Checked for the table and for every index the entity type populates. Write rate: the larger of the entity's volume
 * and the sum of its write patterns (peak x items per request), times the item's write units; read rate: the sum of
 * the read patterns on that key (peak x read units, eventual reads at half cost). Without a sort key each key value is
 * one item, which nothing can split (ERROR); with one, adaptive capacity may split the item collection (WARNING).
 */
final class HotPartitionRule implements Rule {

    static final double MAX_WCU_PER_KEY = 1_000;
    static final double MAX_RCU_PER_KEY = 3_000;

    @Override
    public String id() {
        return "hot-partition";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            for (KeyShape key : KeyShape.all(table)) {
                for (EntityType entity : table.entities()) {
                    Optional<KeyTemplate> template =
                            entity.keyTemplate(key.partitionKey().name());
                    if (template.isEmpty()) {
                        continue;
                    }
                    OptionalLong values = cardinality(template.get(), entity);
                    if (values.isEmpty()) {
                        continue;
                    }
                    double wcu = writeRate(scope, table, entity) * ItemSizes.writeUnits(entity) / values.getAsLong();
                    double rcu = readRate(scope, key, entity) / values.getAsLong();
                    if (wcu > MAX_WCU_PER_KEY || rcu > MAX_RCU_PER_KEY) {
                        out.add(diagnostic(scope, key, entity, template.get(), values.getAsLong(), wcu, rcu));
                    }
                }
            }
        }
        return out;
    }

    /** Number of distinct values a template can take, when bounded (constant or enum-generated variables). */
    static OptionalLong cardinality(KeyTemplate template, EntityType entity) {
        long values = 1;
        for (String variable : template.variables()) {
            GeneratorSpec generator =
                    entity.attribute(variable).map(AttributeSpec::generator).orElse(null);
            if (generator == null
                    || !generator.isEnumeration()
                    || generator.params().isEmpty()) {
                return OptionalLong.empty();
            }
            values *= generator.params().size();
        }
        return OptionalLong.of(values);
    }

    private static double writeRate(ModelScope scope, TableDesign table, EntityType entity) {
        double patterns = scope.model().patterns().stream()
                .filter(p -> p.table().equals(table.name()) && p.operation().isWrite())
                .filter(p -> p.expectedEntityTypes().contains(entity.name()))
                .mapToDouble(p -> p.rate().peakPerSecond() * Math.max(1, p.expectedItemsPerRequest()))
                .sum();
        return Math.max(entity.volume().writesPerSecond(), patterns);
    }

    private static double readRate(ModelScope scope, KeyShape key, EntityType entity) {
        String indexName = key.index() == null ? null : key.index().name();
        double itemBytes = ItemSizes.typicalBytes(entity);
        double rcu = 0;
        for (AccessPattern p : scope.model().patterns()) {
            boolean read = !p.operation().isWrite() && p.operation() != Operation.Scan;
            if (read
                    && p.table().equals(key.table().name())
                    && Objects.equals(p.index(), indexName)
                    && p.expectedEntityTypes().contains(entity.name())) {
                double units = Math.max(1, Math.ceil(Math.max(1, p.expectedItemsPerRequest()) * itemBytes / 4096));
                double factor = switch (p.consistency()) {
                    case EVENTUAL -> 0.5;
                    case STRONG -> 1;
                    case TRANSACTIONAL -> 2;
                };
                rcu += p.rate().peakPerSecond() * units * factor;
            }
        }
        return rcu;
    }

    private Diagnostic diagnostic(
            ModelScope scope,
            KeyShape key,
            EntityType entity,
            KeyTemplate template,
            long values,
            double wcu,
            double rcu) {
        boolean single = key.sortKey() == null;
        String load = wcu > MAX_WCU_PER_KEY
                ? number(wcu) + " WCU/s per value (limit 1,000)"
                : number(rcu) + " RCU/s per value (limit 3,000)";
        return new Diagnostic(
                single ? Severity.ERROR : Severity.WARNING,
                scope.path(key.table(), entity),
                id(),
                "Partition key " + key.partitionKey().name() + " of " + key.label() + " takes only " + values
                        + (values == 1 ? " value" : " values") + " for entity type " + entity.name() + " (template "
                        + template + "), which gets about " + load
                        + (single ? "" : "; adaptive capacity may split the item collection, but expect throttling"),
                "Add a high-cardinality part to the key (e.g. " + template.literalPrefix() + "{id}), or write-shard it"
                        + " (e.g. " + template.text() + "#{shard} with shard 0-9)");
    }

    private static String number(double value) {
        return BigDecimal.valueOf(Math.round(value)).toPlainString();
    }
}

package dev.keysmith.modeler.sample;

import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.ScalarType;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generates sample items for a data model, lazily and deterministically for a seed.
 *
 * <p>Each entity type gets its item count (an override from the options, else its volume, else the default, capped by
 * the options' maximum). Key attributes are rendered from the entity's key templates; a template variable takes its
 * value from the entity attribute of the same name when there is one (which is then written with the same value),
 * otherwise from a generator guessed from the variable name (unique UUIDs when the name says nothing). Items of a child
 * entity in a {@link FanOut} come right after their parent and reuse its variable values.
 */
public final class SampleDataGenerator implements Iterable<GeneratedItem> {

    private final DataModel model;
    private final GenerationOptions options;
    private final List<EntityPlan> roots = new ArrayList<>();

    /**
     * @throws IllegalArgumentException when a fan-out or skew names an entity type the model does not have, or a child
     *     and its parent are in different tables
     */
    public SampleDataGenerator(DataModel model, GenerationOptions options) {
        this.model = model;
        this.options = options;
        ValueSources sources = new ValueSources(options.seed());
        Map<String, EntityPlan> plans = new LinkedHashMap<>();
        for (TableDesign table : model.tables()) {
            for (EntityType entity : table.entities()) {
                plans.put(entity.name(), new EntityPlan(table, entity, sources, options));
            }
        }
        for (FanOut fanOut : options.fanOuts()) {
            EntityPlan child = known(plans, fanOut.child(), "fan-out child");
            EntityPlan parent = known(plans, fanOut.parent(), "fan-out parent");
            if (!child.table.name().equals(parent.table.name())) {
                throw new IllegalArgumentException("fan-out child " + fanOut.child() + " is in table "
                        + child.table.name() + " but its parent " + fanOut.parent() + " is in " + parent.table.name());
            }
            parent.children.add(child);
            parent.childFanOuts.add(fanOut);
        }
        for (Skew skew : options.skews()) {
            known(plans, skew.entityType(), "skewed entity type");
        }
        for (EntityPlan plan : plans.values()) {
            if (options.fanOutOf(plan.entity.name()).isEmpty()) {
                roots.add(plan);
            }
        }
    }

    private static EntityPlan known(Map<String, EntityPlan> plans, String name, String role) {
        EntityPlan plan = plans.get(name);
        if (plan == null) {
            throw new IllegalArgumentException("the " + role + " " + name + " is not an entity type of the model");
        }
        return plan;
    }

    public DataModel model() {
        return model;
    }

    public GenerationOptions options() {
        return options;
    }

    /** How many items {@link #stream()} yields (computed by replaying the fan-out draws, without generating items). */
    public long count() {
        long total = storedSamples().size();
        SplittableRandom fanRandom = fanOutRandom();
        for (EntityPlan root : roots) {
            for (long i = 0; i < root.count; i++) {
                total += subtree(root, fanRandom);
            }
        }
        return total;
    }

    private long subtree(EntityPlan plan, SplittableRandom fanRandom) {
        long[] counts = plan.drawChildren(fanRandom);
        long total = 1;
        for (int c = 0; c < counts.length; c++) {
            for (long k = 0; k < counts[c]; k++) {
                total += subtree(plan.children.get(c), fanRandom);
            }
        }
        return total;
    }

    /** The items, generated as the stream is consumed. */
    public Stream<GeneratedItem> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Iterator<GeneratedItem> iterator() {
        return new Walk();
    }

    private List<GeneratedItem> storedSamples() {
        if (!options.includeStoredSamples()) {
            return List.of();
        }
        List<GeneratedItem> items = new ArrayList<>();
        for (TableDesign table : model.tables()) {
            for (SampleItem sample : table.sampleItems()) {
                String type = sample.entityType() == null ? "" : sample.entityType();
                items.add(new GeneratedItem(table.name(), type, DynamoJson.item(sample.attributes())));
            }
        }
        return items;
    }

    private SplittableRandom fanOutRandom() {
        return new SplittableRandom(options.seed() ^ 0x9E3779B97F4A7C15L);
    }

    /** Depth-first walk: a parent item, then its children (and theirs), then the parent's next sibling. */
    private final class Walk implements Iterator<GeneratedItem> {
        private final Iterator<GeneratedItem> stored = storedSamples().iterator();
        private final Iterator<EntityPlan> rootPlans = roots.iterator();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final SplittableRandom random = new SplittableRandom(options.seed());
        private final SplittableRandom fanRandom = fanOutRandom();

        @Override
        public boolean hasNext() {
            if (stored.hasNext()) {
                return true;
            }
            while (true) {
                Frame top = stack.peek();
                if (top != null && top.remaining > 0) {
                    return true;
                }
                if (top != null) {
                    stack.pop();
                } else if (rootPlans.hasNext()) {
                    EntityPlan root = rootPlans.next();
                    stack.push(new Frame(root, Map.of(), root.count));
                } else {
                    return false;
                }
            }
        }

        @Override
        public GeneratedItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (stored.hasNext()) {
                return stored.next();
            }
            Frame top = stack.element();
            top.remaining--;
            Map<String, String> vars = new HashMap<>(top.inherited);
            Map<String, AttributeValue> item = top.plan.generate(vars, random);
            long[] counts = top.plan.drawChildren(fanRandom);
            for (int c = counts.length - 1; c >= 0; c--) {
                if (counts[c] > 0) {
                    stack.push(new Frame(top.plan.children.get(c), vars, counts[c]));
                }
            }
            return new GeneratedItem(top.plan.table.name(), top.plan.entity.name(), item);
        }
    }

    private static final class Frame {
        final EntityPlan plan;
        final Map<String, String> inherited;
        long remaining;

        Frame(EntityPlan plan, Map<String, String> inherited, long remaining) {
            this.plan = plan;
            this.inherited = inherited;
            this.remaining = remaining;
        }
    }

    /** A template variable; {@code writtenAs} is the type of the entity attribute of the same name, if any. */
    private record Variable(
            String name, ValueSource source, @Nullable AttributeType writtenAs) {}

    private record KeySlot(String attribute, KeyTemplate template, ScalarType type) {}

    private record AttributeSlot(String name, ValueSource source) {}

    /** Everything needed to generate items of one entity type, resolved once. */
    private static final class EntityPlan {
        final TableDesign table;
        final EntityType entity;
        final long count;
        final List<EntityPlan> children = new ArrayList<>();
        final List<FanOut> childFanOuts = new ArrayList<>();
        final List<Variable> variables = new ArrayList<>();
        final List<KeySlot> keys = new ArrayList<>();
        final List<AttributeSlot> attributes = new ArrayList<>();
        final Map<String, String> hotValues = new HashMap<>();
        final double skew;

        EntityPlan(TableDesign table, EntityType entity, ValueSources sources, GenerationOptions options) {
            this.table = table;
            this.entity = entity;
            Long override = options.itemCounts().get(entity.name());
            long wanted = override != null
                    ? override
                    : entity.volume().itemCount() > 0 ? entity.volume().itemCount() : options.defaultItemCount();
            this.count = options.maxItemsPerEntity() > 0 && override == null
                    ? Math.min(wanted, options.maxItemsPerEntity())
                    : wanted;
            Set<String> variableNames = new LinkedHashSet<>();
            Map<String, ScalarType> variableTypes = new HashMap<>();
            entity.keyTemplates().forEach((attribute, template) -> {
                ScalarType type = table.attributeType(attribute)
                        .flatMap(AttributeType::asScalar)
                        .orElse(ScalarType.S);
                keys.add(new KeySlot(attribute, template, type));
                variableNames.addAll(template.variables());
                if (template.parts().size() == 1 && type == ScalarType.N) {
                    template.variables().forEach(v -> variableTypes.put(v, ScalarType.N));
                }
            });
            for (String name : variableNames) {
                AttributeSpec spec = entity.attribute(name).orElse(null);
                AttributeType type = spec != null
                        ? spec.type()
                        : variableTypes.getOrDefault(name, ScalarType.S).asAttributeType();
                variables.add(new Variable(
                        name,
                        sources.forVariable(name, spec == null ? null : spec.generator(), type),
                        spec == null || entity.keyTemplates().containsKey(name) ? null : spec.type()));
            }
            for (AttributeSpec spec : entity.attributes()) {
                if (!entity.keyTemplates().containsKey(spec.name()) && !variableNames.contains(spec.name())) {
                    attributes.add(new AttributeSlot(
                            spec.name(), sources.forAttribute(spec.name(), spec.type(), spec.generator())));
                }
            }
            this.skew = options.skewOf(entity.name()).map(Skew::fraction).orElse(0.0);
            if (skew > 0) {
                SplittableRandom hot =
                        new SplittableRandom(options.seed() * 31 + entity.name().hashCode());
                KeyTemplate partition =
                        entity.keyTemplates().get(table.partitionKey().name());
                List<String> partitionVariables = partition == null ? List.of() : partition.variables();
                for (Variable v : variables) {
                    if (partitionVariables.contains(v.name())) {
                        hotValues.put(v.name(), text(v.source().next(hot)));
                    }
                }
            }
        }

        Map<String, AttributeValue> generate(Map<String, String> vars, SplittableRandom random) {
            Map<String, AttributeValue> varValues = new HashMap<>();
            for (Variable v : variables) {
                String inherited = vars.get(v.name());
                if (inherited == null) {
                    AttributeValue value = v.source().next(random);
                    varValues.put(v.name(), value);
                    vars.put(v.name(), text(value));
                }
            }
            if (skew > 0 && random.nextDouble() < skew) {
                vars.putAll(hotValues);
                hotValues.keySet().forEach(varValues::remove);
            }
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            for (KeySlot key : keys) {
                String rendered = key.template().render(vars);
                item.put(
                        key.attribute(),
                        switch (key.type()) {
                            case S -> AttributeValue.fromS(rendered);
                            case N -> AttributeValue.fromN(rendered);
                            case B -> AttributeValue.fromB(SdkBytes.fromString(rendered, StandardCharsets.UTF_8));
                        });
            }
            for (Variable v : variables) {
                if (v.writtenAs() != null) {
                    AttributeValue own = varValues.get(v.name());
                    item.put(v.name(), own != null ? own : typed(vars.get(v.name()), v.writtenAs()));
                }
            }
            for (AttributeSlot slot : attributes) {
                item.put(slot.name(), slot.source().next(random));
            }
            return item;
        }

        long[] drawChildren(SplittableRandom fanRandom) {
            long[] counts = new long[children.size()];
            for (int c = 0; c < counts.length; c++) {
                FanOut fanOut = childFanOuts.get(c);
                counts[c] = fanOut.min() + fanRandom.nextInt(fanOut.max() - fanOut.min() + 1);
            }
            return counts;
        }

        private static AttributeValue typed(String text, AttributeType type) {
            return type == AttributeType.N ? AttributeValue.fromN(text) : AttributeValue.fromS(text);
        }

        private static String text(AttributeValue value) {
            if (value.s() != null) {
                return value.s();
            }
            if (value.n() != null) {
                return value.n();
            }
            return String.valueOf(value.bool() != null ? value.bool() : value.toString());
        }
    }
}

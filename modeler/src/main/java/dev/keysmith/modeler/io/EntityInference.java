package dev.keysmith.modeler.io;

import dev.keysmith.modeler.estimate.ItemSizes;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.Volume;
import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.template.TemplateInference;
import dev.keysmith.modeler.template.TemplatePart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Entity types, their key templates and attributes, inferred from a sample of a table's items.
 *
 * <p>Grouping: when an attribute named like an entity-type discriminator ({@code type}, {@code entityType},
 * {@code _type}, {@code __typename}...; case-insensitive) holds a string in at least half of the items, with at most
 * {@value #MAX_DISCRIMINATOR_VALUES} distinct values, the items that have it are grouped by its value and the entity
 * type is named after the value (an attribute named just {@code type} must also agree with the key tags below, since it
 * is often a plain attribute). Other items are grouped by the tags of their table key values: the leading word and
 * the number of {@code #}-separated segments ({@code USER#123} and {@code ORG#1#USER#2} differ from {@code ORG#1}),
 * or the whole value when it is one upper-case word ({@code PROFILE}); a value without such a word ({@code alice},
 * {@code 42}, {@code 2024-01-02#7}) has no tag. The leading word of a composite value is upper-case ({@code USER#1}),
 * or in any case ({@code user#1}) when the key attribute has at most {@value #MAX_LOOSE_TAGS} distinct lower-case
 * ones; whole-value tags too count only when there are at most {@value #MAX_LOOSE_TAGS} distinct ones (otherwise
 * they are plain values such as country codes or user ids). The entity type is named after
 * the sort key's word ({@code ORDER#...} gives {@code Order}; a whole-value sort key is qualified by the partition
 * key's word: {@code USER#1}, {@code PROFILE} give {@code UserProfile}), else the partition key's, else the table; when
 * that name is taken, the last upper-case word qualifies it ({@code OrgUser}).
 *
 * <p>Templates ({@link TemplateInference#infer(List, TemplateInference.VariableNamer)}) are inferred for the table keys
 * and for every index key attribute some item of the entity carries. A variable takes the name of a non-key attribute
 * equal to it in every item ({@code SKU#{SKU}}), else the word before it plus {@code Date} when all its values are ISO dates
 * or {@code Id} otherwise ({@code ORDER#{orderDate}#{orderId}}), else the key attribute's name. A name shared by two
 * key templates of an entity means the same value; where the sample shows different values, the later one gets a
 * number.
 *
 * <p>Attributes: every non-key attribute the entity's items carry, typed by its most common type in them (other types
 * are reported), required when all of them carry it, with the median value size as its typical size.
 */
final class EntityInference {

    static final int MAX_LOOSE_TAGS = 10;
    static final int MAX_DISCRIMINATOR_VALUES = 100;

    private static final Set<String> DISCRIMINATORS = Set.of(
            "type",
            "_type",
            "__type",
            "__typename",
            "entitytype",
            "entity_type",
            "_entitytype",
            "_et",
            "itemtype",
            "item_type",
            "recordtype",
            "record_type");
    private static final Pattern TAG_WORD = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ANY_CASE_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    private final TableDesign table;
    private final List<Map<String, AttributeValue>> items;
    private final Warnings warnings;
    private final String where;

    private EntityInference(TableDesign table, List<Map<String, AttributeValue>> items, Warnings warnings) {
        this.table = table;
        this.items = items;
        this.warnings = warnings;
        this.where = "table " + table.name();
    }

    /**
     * The table with entity types, table-level attributes and the sample items (each assigned to its entity type).
     *
     * @param tableItemCount the table's item count per DescribeTable when the sample holds only part of the table
     *     (each entity's volume is its share of it), or 0 when the sample is the whole table
     */
    static TableDesign infer(
            TableDesign table, List<Map<String, AttributeValue>> items, long tableItemCount, Warnings warnings) {
        return new EntityInference(table, items, warnings).run(tableItemCount);
    }

    /** One group of items: one entity type. */
    private record Group(String name, List<Integer> members) {}

    private TableDesign run(long tableItemCount) {
        List<Group> groups = groups();
        double scale = tableItemCount > items.size() ? (double) tableItemCount / items.size() : 1;
        List<EntityType> entities = new ArrayList<>();
        String[] entityOf = new String[items.size()];
        for (Group group : groups) {
            group.members().forEach(i -> entityOf[i] = group.name());
            entities.add(entity(group, Math.round(group.members().size() * scale)));
        }
        List<SampleItem> samples = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            samples.add(new SampleItem(entityOf[i], AttributeJson.item(items.get(i))));
        }
        Map<String, AttributeSpec> tableAttributes = new LinkedHashMap<>();
        for (EntityType entity : entities) {
            for (AttributeSpec a : entity.attributes()) {
                tableAttributes.putIfAbsent(a.name(), AttributeSpec.of(a.name(), a.type()));
            }
        }
        return table.withEntities(entities)
                .withSampleItems(samples)
                .withAttributes(List.copyOf(tableAttributes.values()));
    }

    // ---- grouping ----

    /**
     * The type tag of a key value: its leading word ({@code USER} in {@code USER#123}), how the value is shaped
     * ({@code signature}: the prefix up to that word's {@code #} and the number of segments, or the whole value for a
     * constant such as {@code PROFILE}) and its last upper-case word ({@code USER} in {@code ORG#1#USER#2}).
     */
    private record Tag(String signature, String word, String lastWord, boolean constant) {

        /**
         * The tag of {@code value}, or null for a value without one ({@code alice}, {@code 42}).
         *
         * @param constants whether a value that is one upper-case word is a tag
         * @param anyCase whether the leading word of a composite value may be lower-case ({@code user#123})
         */
        static @Nullable Tag of(@Nullable String value, boolean constants, boolean anyCase) {
            if (value == null) {
                return null;
            }
            int start = 0;
            while (start < value.length() && value.charAt(start) == '#') {
                start++;
            }
            int end = value.indexOf('#', start);
            String word = end < 0 ? value.substring(start) : value.substring(start, end);
            if (end < 0) {
                return constants && TAG_WORD.matcher(word).matches() ? new Tag("=" + value, word, word, true) : null;
            }
            if (!TAG_WORD.matcher(word).matches()
                    && !(anyCase && ANY_CASE_WORD.matcher(word).matches())) {
                return null;
            }
            String[] segments = value.split("#", -1);
            String last = word;
            for (String segment : segments) {
                last = TAG_WORD.matcher(segment).matches() ? segment : last;
            }
            return new Tag(value.substring(0, end + 1) + "/" + segments.length, word, last, false);
        }
    }

    /** The tags of an item's table keys. */
    private record Signature(@Nullable Tag pk, @Nullable Tag sk) {
        String key() {
            return (pk == null ? "" : pk.signature()) + "\u0000" + (sk == null ? "" : sk.signature());
        }

        boolean tagged() {
            return pk != null || sk != null;
        }
    }

    private List<Group> groups() {
        String pkName = table.partitionKey().name();
        String skName = table.sortKey() == null ? null : table.sortKey().name();
        boolean pkConstants = fewTags(pkName, true, false);
        boolean pkAnyCase = fewTags(pkName, false, true);
        boolean skConstants = skName != null && fewTags(skName, true, false);
        boolean skAnyCase = skName != null && fewTags(skName, false, true);
        List<Signature> signatures = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            signatures.add(new Signature(
                    Tag.of(text(item.get(pkName)), pkConstants, pkAnyCase),
                    skName == null ? null : Tag.of(text(item.get(skName)), skConstants, skAnyCase)));
        }
        Optional<String> discriminator = discriminator(signatures);
        discriminator.ifPresent(a -> warnings.add(where, "entity types taken from the attribute " + a));
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, AttributeValue> item = items.get(i);
            String type = discriminator.map(a -> text(item.get(a))).orElse(null);
            String key = type != null
                    ? "type\u0000" + type
                    : "tags\u0000" + signatures.get(i).key();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            if (!names.containsKey(key)) {
                names.put(key, type != null ? List.of(type) : candidateNames(signatures.get(i)));
            }
        }
        List<Group> groups = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        byKey.forEach((key, members) -> {
            String name = uniqueName(names.get(key), taken);
            taken.add(name);
            groups.add(new Group(name, members));
        });
        return groups;
    }

    /**
     * The attribute naming the entity type of most items, if one qualifies. An attribute named just {@code type} is
     * often a plain attribute ({@code checking}, {@code savings}), so it qualifies only when no group of items with
     * the same key tags holds two of its values.
     */
    private Optional<String> discriminator(List<Signature> signatures) {
        Set<String> keys = new LinkedHashSet<>(table.keyNames());
        Map<String, Integer> present = new LinkedHashMap<>();
        Map<String, Set<String>> values = new HashMap<>();
        Map<String, Map<String, Set<String>>> valuesByTags = new HashMap<>();
        Set<String> disqualified = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            for (Map.Entry<String, AttributeValue> e : items.get(i).entrySet()) {
                String name = e.getKey();
                if (keys.contains(name) || !DISCRIMINATORS.contains(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String value = e.getValue().s();
                if (value == null || value.isEmpty()) {
                    disqualified.add(name);
                    continue;
                }
                present.merge(name, 1, Integer::sum);
                values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value);
                if (signatures.get(i).tagged()) {
                    valuesByTags
                            .computeIfAbsent(name, n -> new HashMap<>())
                            .computeIfAbsent(signatures.get(i).key(), k -> new LinkedHashSet<>())
                            .add(value);
                }
            }
        }
        return present.entrySet().stream()
                .filter(e -> !disqualified.contains(e.getKey()))
                .filter(e -> 2L * e.getValue() >= items.size())
                .filter(e -> values.get(e.getKey()).size() <= MAX_DISCRIMINATOR_VALUES)
                .filter(e -> !e.getKey().equalsIgnoreCase("type")
                        || valuesByTags.getOrDefault(e.getKey(), Map.of()).values().stream()
                                .allMatch(v -> v.size() == 1))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    /**
     * False when the attribute has more than {@value #MAX_LOOSE_TAGS} distinct tags of a kind that plain values can
     * also have: whole-value upper-case words ({@code constants}: {@code US}, {@code DE}... are country codes, not
     * entity types) or lower-case leading words ({@code anyCase}: {@code alice#2024} starts with a user id, not a type).
     */
    private boolean fewTags(String keyName, boolean constants, boolean anyCase) {
        Set<String> loose = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : items) {
            Tag tag = Tag.of(text(item.get(keyName)), constants, anyCase);
            if (tag != null && (tag.constant() || !TAG_WORD.matcher(tag.word()).matches())) {
                loose.add(tag.word());
            }
        }
        return loose.size() <= MAX_LOOSE_TAGS;
    }

    /** Names for a group of items with these key tags, best first; the table's name comes last. */
    private List<String> candidateNames(Signature signature) {
        Tag pk = signature.pk();
        Tag sk = signature.sk();
        List<String> names = new ArrayList<>();
        Tag main = sk != null ? sk : pk;
        if (main != null) {
            String word = pascal(main.word());
            boolean qualify =
                    main == sk && sk.constant() && pk != null && !pk.word().equals(sk.word());
            names.add(qualify ? pascal(pk.word()) + word : word);
            if (!main.lastWord().equals(main.word())) {
                names.add(word + pascal(main.lastWord()));
            }
            if (main == sk && pk != null && !pk.word().equals(sk.word())) {
                names.add(pascal(pk.word()) + word);
            }
        }
        names.add(table.name());
        return names;
    }

    private static String uniqueName(List<String> candidates, Set<String> taken) {
        for (String candidate : candidates) {
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        String base = candidates.getFirst();
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + n;
        }
        return name;
    }

    /** {@code ORDER_ITEM} as {@code OrderItem}. */
    private static String pascal(String word) {
        return Arrays.stream(word.toLowerCase(Locale.ROOT).split("_"))
                .filter(p -> !p.isEmpty())
                .map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
                .collect(Collectors.joining());
    }

    // ---- one entity ----

    private EntityType entity(Group group, long itemCount) {
        List<String> keyNames = new ArrayList<>(table.keyNames());
        for (IndexDesign index : table.indexes()) {
            index.keyNames().stream().filter(k -> !keyNames.contains(k)).forEach(keyNames::add);
        }
        Map<String, KeyTemplate> templates = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> bound = new HashMap<>();
        for (String keyName : keyNames) {
            List<Integer> carrying = group.members().stream()
                    .filter(i -> text(items.get(i).get(keyName)) != null)
                    .toList();
            boolean tableKey = table.keyNames().contains(keyName);
            if (carrying.isEmpty()) {
                if (tableKey) {
                    templates.put(keyName, KeyTemplate.variable(keyName)); // binary keys
                }
                continue;
            }
            List<String> values =
                    carrying.stream().map(i -> text(items.get(i).get(keyName))).toList();
            KeyTemplate template = TemplateInference.infer(
                    values, (word, slot) -> variableName(keyName, keyNames, carrying, word, slot));
            templates.put(keyName, consistent(template, keyName, carrying, bound));
        }
        return new EntityType(group.name(), templates, attributes(group), new Volume(itemCount, 0, 0, null));
    }

    private String variableName(
            String keyName, List<String> keyNames, List<Integer> carrying, String word, List<String> slot) {
        Set<String> candidates = new LinkedHashSet<>();
        carrying.forEach(i -> candidates.addAll(items.get(i).keySet()));
        candidates.removeAll(keyNames);
        for (String attribute : candidates) {
            boolean equal = true;
            for (int n = 0; n < carrying.size() && equal; n++) {
                equal = slot.get(n).equals(text(items.get(carrying.get(n)).get(attribute)));
            }
            if (equal) {
                return attribute;
            }
        }
        if (word.isEmpty()) {
            return keyName;
        }
        String camel = pascal(word);
        camel = camel.isEmpty() ? keyName : Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        return camel + (slot.stream().allMatch(v -> ISO_DATE.matcher(v).matches()) ? "Date" : "Id");
    }

    /**
     * The template with its variables renamed where an earlier key template of the entity uses the same name for
     * different values in some sampled item; records the values of its variables in {@code bound}.
     */
    private KeyTemplate consistent(
            KeyTemplate template, String keyName, List<Integer> carrying, Map<String, Map<Integer, String>> bound) {
        Map<String, Map<Integer, String>> own = new LinkedHashMap<>();
        template.variables().forEach(v -> own.put(v, new HashMap<>()));
        for (int i : carrying) {
            template.match(text(items.get(i).get(keyName)))
                    .ifPresent(values -> values.forEach((v, value) -> own.get(v).put(i, value)));
        }
        Map<String, String> renames = new HashMap<>();
        for (Map.Entry<String, Map<Integer, String>> variable : own.entrySet()) {
            String name = variable.getKey();
            for (int n = 2;
                    conflicts(bound.get(name), variable.getValue())
                            || (!name.equals(variable.getKey()) && own.containsKey(name));
                    n++) {
                name = variable.getKey() + n;
            }
            renames.put(variable.getKey(), name);
            bound.computeIfAbsent(name, k -> new HashMap<>()).putAll(variable.getValue());
        }
        StringBuilder text = new StringBuilder();
        for (TemplatePart part : template.parts()) {
            switch (part) {
                case TemplatePart.Literal(String literal) -> text.append(literal);
                case TemplatePart.Variable(String name) ->
                    text.append('{').append(renames.get(name)).append('}');
            }
        }
        return KeyTemplate.parse(text.toString());
    }

    private static boolean conflicts(@Nullable Map<Integer, String> earlier, Map<Integer, String> values) {
        if (earlier == null) {
            return false;
        }
        return values.entrySet().stream()
                .anyMatch(e -> earlier.containsKey(e.getKey())
                        && !earlier.get(e.getKey()).equals(e.getValue()));
    }

    private List<AttributeSpec> attributes(Group group) {
        Map<String, Map<AttributeType, Integer>> types = new LinkedHashMap<>();
        Map<String, List<Long>> sizes = new HashMap<>();
        for (int i : group.members()) {
            items.get(i).forEach((name, value) -> {
                if (table.keyNames().contains(name)) {
                    return;
                }
                types.computeIfAbsent(name, n -> new EnumMap<>(AttributeType.class))
                        .merge(AttributeJson.type(value), 1, Integer::sum);
                sizes.computeIfAbsent(name, n -> new ArrayList<>()).add(ItemSizes.value(AttributeJson.value(value)));
            });
        }
        List<AttributeSpec> attributes = new ArrayList<>();
        types.forEach((name, counts) -> {
            AttributeType type = counts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            if (counts.size() > 1) {
                warnings.add(
                        where + ", entity " + group.name(),
                        "attribute " + name + " has the types "
                                + counts.entrySet().stream()
                                        .map(e -> e.getKey() + " (" + e.getValue() + " items)")
                                        .collect(Collectors.joining(", "))
                                + "; typed " + type);
            }
            List<Long> sorted = sizes.get(name).stream().sorted().toList();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            attributes.add(new AttributeSpec(
                    name, type, total == group.members().size(), null, Math.toIntExact(sorted.get(sorted.size() / 2))));
        });
        return attributes;
    }

    /** The text of an S or N value; null for other types and missing values. */
    private static @Nullable String text(@Nullable AttributeValue value) {
        if (value == null) {
            return null;
        }
        return value.s() != null ? value.s() : value.n();
    }
}

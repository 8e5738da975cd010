package dev.keysmith.modeler.sample;

import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.GeneratorSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a {@link GeneratorSpec} (or, without one, the attribute's name and type) into a {@link ValueSource}.
 *
 * <p>Datafaker resolves its providers through expression templates, which costs microseconds per call. Values that
 * come from Datafaker are therefore drawn once into a pool per kind (built from the seed, so deterministic) and the hot
 * path only picks from the pool with the item's random generator.
 */
final class ValueSources {

    private static final int POOL_SIZE = 1024;
    private static final long DATE_FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long DATE_TO = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private final long seed;
    private final Map<String, String[]> pools = new HashMap<>();

    ValueSources(long seed) {
        this.seed = seed;
    }

    /** The source for an attribute with an optional generator. */
    ValueSource forAttribute(String name, AttributeType type, @Nullable GeneratorSpec generator) {
        ValueSource fromKind = generator == null ? null : forKind(generator, type);
        ValueSource base = fromKind != null ? fromKind : byName(name, type);
        return coerced(base, type, name);
    }

    /** The source for a key-template variable: like an attribute, but an unknown name gets unique UUIDs. */
    ValueSource forVariable(String name, @Nullable GeneratorSpec generator, AttributeType type) {
        if (generator == null && byNameOnly(name, type) == null) {
            return ValueSources::uuid;
        }
        return forAttribute(name, type, generator);
    }

    private @Nullable ValueSource forKind(GeneratorSpec spec, AttributeType type) {
        String kind = spec.kind().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        List<String> p = spec.params();
        return switch (kind) {
            case "uuid", "random.uuid", "internet.uuid" -> ValueSources::uuid;
            case "name.fullname", "fullname", "name", "name.name" ->
                pooled("name", f -> f.name().fullName());
            case "name.firstname", "firstname" -> pooled("first", f -> f.name().firstName());
            case "name.lastname", "lastname" -> pooled("last", f -> f.name().lastName());
            case "internet.emailaddress", "internet.email", "email", "emailaddress" ->
                pooled("email", f -> f.internet().emailAddress());
            case "internet.url", "url" -> pooled("url", f -> f.internet().url());
            case "phone", "phonenumber", "phone.number", "phonenumber.cellphone" ->
                pooled("phone", f -> f.phoneNumber().cellPhone());
            case "company.name", "company" -> pooled("company", f -> f.company().name());
            case "address.streetaddress", "streetaddress", "street" ->
                pooled("street", f -> f.address().streetAddress());
            case "address.city", "city" -> pooled("city", f -> f.address().city());
            case "address.country", "country" ->
                pooled("country", f -> f.address().country());
            case "address.zipcode", "zipcode", "postcode" ->
                pooled("zip", f -> f.address().zipCode());
            case "address", "address.fulladdress", "fulladdress" ->
                type == AttributeType.M
                        ? address()
                        : pooled("address", f -> f.address().fullAddress());
            case "date.iso8601", "date", "datetime", "iso8601", "date.iso", "timestamp.iso8601" ->
                r -> AttributeValue.fromS(isoDate(r));
            case "date.epoch", "epoch", "timestamp", "date.epochseconds", "unixtime" ->
                r -> AttributeValue.fromN(Long.toString(epoch(r)));
            case "date.epochmillis", "epochmillis" -> r -> AttributeValue.fromN(Long.toString(epoch(r) * 1000));
            case "number.range", "number", "int", "integer", "number.int" -> {
                long min = param(p, 0, 0);
                long max = param(p, 1, 1000);
                long lo = Math.min(min, max);
                long span = Math.abs(max - min) + 1;
                yield r -> AttributeValue.fromN(Long.toString(lo + r.nextLong(span)));
            }
            case "number.decimal", "decimal", "price", "commerce.price" -> {
                long min = param(p, 0, 0);
                long max = param(p, 1, 1000);
                long lo = Math.min(min, max) * 100;
                long span = Math.abs(max - min) * 100 + 1;
                yield r -> AttributeValue.fromN(decimal(lo + r.nextLong(span)));
            }
            case "enum", "oneof" -> {
                if (p.isEmpty()) {
                    yield null;
                }
                String[] values = p.toArray(String[]::new);
                yield r -> AttributeValue.fromS(values[r.nextInt(values.length)]);
            }
            case "lorem.words", "words" -> {
                int n = (int) Math.max(1, param(p, 0, 3));
                ValueSource word = pooled("word", f -> f.lorem().word());
                yield r -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        text.append(i == 0 ? "" : " ").append(word.next(r).s());
                    }
                    return AttributeValue.fromS(text.toString());
                };
            }
            case "lorem.word", "word" -> pooled("word", f -> f.lorem().word());
            case "lorem.sentence", "sentence", "lorem", "text" ->
                pooled("sentence", f -> f.lorem().sentence());
            case "lorem.paragraph", "paragraph" ->
                pooled("paragraph", f -> f.lorem().paragraph());
            case "bool", "boolean" -> r -> AttributeValue.fromBool(r.nextBoolean());
            default -> null;
        };
    }

    private ValueSource byName(String name, AttributeType type) {
        ValueSource known = byNameOnly(name, type);
        return known != null ? known : byType(type);
    }

    /** A source guessed from the attribute name, or null when the name says nothing. */
    private @Nullable ValueSource byNameOnly(String name, AttributeType type) {
        String n = name.toLowerCase(Locale.ROOT);
        if (type == AttributeType.N) {
            if (n.contains("ttl") || n.contains("expire")) {
                return r -> AttributeValue.fromN(Long.toString(DATE_TO + r.nextLong(DATE_TO - DATE_FROM)));
            }
            if (n.contains("time") || n.contains("epoch") || n.contains("date")) {
                return r -> AttributeValue.fromN(Long.toString(epoch(r)));
            }
            return null;
        }
        if (type != AttributeType.S) {
            return null;
        }
        if (n.contains("email")) {
            return forKind(new GeneratorSpec("email", List.of()), type);
        }
        if (n.contains("date") || n.contains("time") || n.endsWith("at")) {
            return r -> AttributeValue.fromS(isoDate(r));
        }
        if (n.contains("phone")) {
            return forKind(new GeneratorSpec("phone", List.of()), type);
        }
        if (n.contains("city")) {
            return forKind(new GeneratorSpec("city", List.of()), type);
        }
        if (n.contains("address")) {
            return forKind(new GeneratorSpec("address", List.of()), type);
        }
        if (n.equals("name") || n.endsWith("name") && !n.contains("user")) {
            return forKind(new GeneratorSpec("name", List.of()), type);
        }
        if (n.contains("description") || n.contains("text") || n.contains("comment")) {
            return forKind(new GeneratorSpec("sentence", List.of()), type);
        }
        return null;
    }

    private ValueSource byType(AttributeType type) {
        ValueSource word = pooled("word", f -> f.lorem().word());
        return switch (type) {
            case S -> word;
            case N -> r -> AttributeValue.fromN(Integer.toString(r.nextInt(1000)));
            case B -> r -> AttributeValue.fromB(SdkBytes.fromByteArray(bytes(r)));
            case BOOL -> r -> AttributeValue.fromBool(r.nextBoolean());
            case NULL -> r -> AttributeValue.fromNul(true);
            case L ->
                r -> {
                    int n = 1 + r.nextInt(3);
                    List<AttributeValue> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(word.next(r));
                    }
                    return AttributeValue.fromL(list);
                };
            case M ->
                r -> {
                    Map<String, AttributeValue> map = new LinkedHashMap<>();
                    map.put("label", word.next(r));
                    map.put("count", AttributeValue.fromN(Integer.toString(r.nextInt(100))));
                    map.put("tags", AttributeValue.fromL(List.of(word.next(r), word.next(r))));
                    return AttributeValue.fromM(map);
                };
            case SS ->
                r -> AttributeValue.fromSs(
                        distinct(r, 1 + r.nextInt(3), x -> word.next(x).s()));
            case NS ->
                r -> AttributeValue.fromNs(distinct(r, 1 + r.nextInt(3), x -> Integer.toString(x.nextInt(1000))));
            case BS -> r -> AttributeValue.fromBs(distinct(r, 1 + r.nextInt(2), x -> SdkBytes.fromByteArray(bytes(x))));
        };
    }

    /** Adapts a source to the declared type: numbers as text for S, sets from scalars, the type's default otherwise. */
    private ValueSource coerced(ValueSource base, AttributeType type, String name) {
        ValueSource fallback = type == AttributeType.S || type == AttributeType.N ? null : byName(name, type);
        return r -> {
            AttributeValue v = base.next(r);
            return switch (type) {
                case S -> v.s() != null ? v : AttributeValue.fromS(text(v));
                case N -> v.n() != null ? v : numberOrZero(v);
                case SS -> v.s() != null ? AttributeValue.fromSs(List.of(v.s())) : v.hasSs() ? v : fallback.next(r);
                case NS -> v.n() != null ? AttributeValue.fromNs(List.of(v.n())) : v.hasNs() ? v : fallback.next(r);
                case B -> v.b() != null ? v : fallback.next(r);
                case BOOL -> v.bool() != null ? v : fallback.next(r);
                case NULL -> fallback.next(r);
                case L -> v.hasL() ? v : v.s() != null ? AttributeValue.fromL(List.of(v)) : fallback.next(r);
                case M -> v.hasM() ? v : fallback.next(r);
                case BS -> v.hasBs() ? v : fallback.next(r);
            };
        };
    }

    private ValueSource address() {
        ValueSource street = pooled("street", f -> f.address().streetAddress());
        ValueSource city = pooled("city", f -> f.address().city());
        ValueSource zip = pooled("zip", f -> f.address().zipCode());
        ValueSource country = pooled("country", f -> f.address().country());
        return r -> {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            map.put("street", street.next(r));
            map.put("city", city.next(r));
            map.put("zip", zip.next(r));
            map.put("country", country.next(r));
            return AttributeValue.fromM(map);
        };
    }

    /** Picks from a pool of {@value #POOL_SIZE} values drawn once from Datafaker with a seed derived from the kind. */
    private ValueSource pooled(String kind, Function<Faker, String> provider) {
        String[] pool = pools.computeIfAbsent(kind, k -> {
            Faker faker = new Faker(new Random(seed * 31 + k.hashCode()));
            String[] values = new String[POOL_SIZE];
            for (int i = 0; i < POOL_SIZE; i++) {
                values[i] = provider.apply(faker);
            }
            return values;
        });
        return r -> AttributeValue.fromS(pool[r.nextInt(POOL_SIZE)]);
    }

    static AttributeValue uuid(RandomGenerator r) {
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return AttributeValue.fromS(new UUID(msb, lsb).toString());
    }

    /** ISO 8601 UTC with seconds, e.g. {@code 2023-04-30T12:00:24Z}; written by hand as the formatter is slow. */
    static String isoDate(RandomGenerator r) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epoch(r), 0, ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00Z".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        return new String(c);
    }

    private static void digits(char[] c, int at, int width, int value) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    private static long epoch(RandomGenerator r) {
        return DATE_FROM + r.nextLong(DATE_TO - DATE_FROM);
    }

    private static String decimal(long cents) {
        long abs = Math.abs(cents);
        String text = (cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
        return text.endsWith(".00")
                ? text.substring(0, text.length() - 3)
                : text.endsWith("0") ? text.substring(0, text.length() - 1) : text;
    }

    private static long param(List<String> params, int index, long fallback) {
        if (params.size() <= index) {
            return fallback;
        }
        try {
            return Long.parseLong(params.get(index));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static byte[] bytes(RandomGenerator r) {
        byte[] b = new byte[16];
        r.nextBytes(b);
        return b;
    }

    private static <T> List<T> distinct(RandomGenerator r, int n, Function<RandomGenerator, T> element) {
        Set<T> set = new LinkedHashSet<>();
        for (int i = 0; i < n * 4 && set.size() < n; i++) {
            set.add(element.apply(r));
        }
        return List.copyOf(set);
    }

    private static String text(AttributeValue v) {
        if (v.n() != null) {
            return v.n();
        }
        if (v.bool() != null) {
            return v.bool().toString();
        }
        return v.toString();
    }

    private static AttributeValue numberOrZero(AttributeValue v) {
        if (v.s() != null) {
            try {
                return AttributeValue.fromN(new BigDecimal(v.s().trim()).toPlainString());
            } catch (NumberFormatException e) {
                return AttributeValue.fromN(Integer.toString(Math.floorMod(v.s().hashCode(), 1000)));
            }
        }
        return AttributeValue.fromN("0");
    }
}

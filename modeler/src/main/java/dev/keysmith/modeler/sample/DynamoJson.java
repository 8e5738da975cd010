package dev.keysmith.modeler.sample;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts a stored sample item ({@code SampleItem.attributes()}: DynamoDB JSON as plain Java values, e.g.
 * {@code {"PK": {"S": "USER#1"}, "age": {"N": "42"}}}) to SDK attribute values.
 */
public final class DynamoJson {

    private DynamoJson() {}

    /**
     * The item as SDK attribute values.
     *
     * @throws IllegalArgumentException naming the attribute whose value is not a DynamoDB JSON value
     */
    public static Map<String, AttributeValue> item(Map<String, Object> attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        attributes.forEach((name, value) -> item.put(name, value(name, value)));
        return item;
    }

    private static final java.util.Set<String> TYPES =
            java.util.Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");

    private static AttributeValue value(String path, @Nullable Object json) {
        if (!(json instanceof Map<?, ?> typed)
                || typed.size() != 1
                || !TYPES.contains(String.valueOf(typed.keySet().iterator().next()))) {
            return plain(path, json);
        }
        Map.Entry<?, ?> entry = typed.entrySet().iterator().next();
        Object v = entry.getValue();
        return switch (String.valueOf(entry.getKey())) {
            case "S" -> AttributeValue.fromS(String.valueOf(v));
            case "N" -> AttributeValue.fromN(String.valueOf(v));
            case "B" -> AttributeValue.fromB(bytes(v));
            case "BOOL" -> AttributeValue.fromBool(Boolean.parseBoolean(String.valueOf(v)));
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" ->
                AttributeValue.fromSs(
                        list(path, v).stream().map(String::valueOf).toList());
            case "NS" ->
                AttributeValue.fromNs(
                        list(path, v).stream().map(String::valueOf).toList());
            case "BS" ->
                AttributeValue.fromBs(
                        list(path, v).stream().map(DynamoJson::bytes).toList());
            case "L" -> {
                List<AttributeValue> elements = new ArrayList<>();
                List<?> list = list(path, v);
                for (int i = 0; i < list.size(); i++) {
                    elements.add(value(path + "[" + i + "]", list.get(i)));
                }
                yield AttributeValue.fromL(elements);
            }
            case "M" -> {
                if (!(v instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("attribute " + path + " has an M that is not an object");
                }
                Map<String, AttributeValue> members = new LinkedHashMap<>();
                map.forEach((k, member) -> members.put(String.valueOf(k), value(path + "." + k, member)));
                yield AttributeValue.fromM(members);
            }
            default -> plain(path, json);
        };
    }

    /**
     * NoSQL Workbench files sometimes nest plain JSON inside an {@code M} ({@code {"M": {"enabled": true}}}): plain
     * values map to the obvious DynamoDB types.
     */
    private static AttributeValue plain(String path, @Nullable Object json) {
        return switch (json) {
            case null -> AttributeValue.fromNul(true);
            case String s -> AttributeValue.fromS(s);
            case Boolean b -> AttributeValue.fromBool(b);
            case Number n -> AttributeValue.fromN(n.toString());
            case List<?> list -> {
                List<AttributeValue> elements = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    elements.add(value(path + "[" + i + "]", list.get(i)));
                }
                yield AttributeValue.fromL(elements);
            }
            case Map<?, ?> map -> {
                Map<String, AttributeValue> members = new LinkedHashMap<>();
                map.forEach((k, member) -> members.put(String.valueOf(k), value(path + "." + k, member)));
                yield AttributeValue.fromM(members);
            }
            default -> throw new IllegalArgumentException("attribute " + path + " has an unsupported value " + json);
        };
    }

    private static List<?> list(String path, Object v) {
        if (v instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("attribute " + path + " should hold a list, got " + v);
    }

    private static SdkBytes bytes(Object v) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(String.valueOf(v)));
    }
}

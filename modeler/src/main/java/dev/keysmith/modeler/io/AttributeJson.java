package dev.keysmith.modeler.io;

import dev.keysmith.modeler.model.AttributeType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SDK attribute values as DynamoDB JSON in plain Java values, the form {@code SampleItem.attributes()} keeps: {@code
 * {"S": "x"}}, {@code {"N": "42"}} (numbers as text), {@code {"B": "<base64>"}}, {@code {"BOOL": true}}, {@code
 * {"NULL": true}}, sets and lists as lists, maps as maps.
 */
final class AttributeJson {

    private AttributeJson() {}

    static Map<String, Object> item(Map<String, AttributeValue> item) {
        Map<String, Object> json = new LinkedHashMap<>();
        item.forEach((name, value) -> json.put(name, value(value)));
        return json;
    }

    static Map<String, Object> value(AttributeValue value) {
        return switch (value.type()) {
            case S -> Map.of("S", value.s());
            case N -> Map.of("N", value.n());
            case B -> Map.of("B", base64(value.b()));
            case BOOL -> Map.of("BOOL", value.bool());
            case NUL -> Map.of("NULL", true);
            case SS -> Map.of("SS", List.copyOf(value.ss()));
            case NS -> Map.of("NS", List.copyOf(value.ns()));
            case BS ->
                Map.of("BS", value.bs().stream().map(AttributeJson::base64).toList());
            case L -> {
                List<Object> elements = new ArrayList<>();
                value.l().forEach(element -> elements.add(value(element)));
                yield Map.of("L", elements);
            }
            case M -> Map.of("M", item(value.m()));
            case UNKNOWN_TO_SDK_VERSION -> Map.of("NULL", true);
        };
    }

    /** The DynamoDB type of a value (a type this SDK version does not know counts as NULL). */
    static AttributeType type(AttributeValue value) {
        return switch (value.type()) {
            case S -> AttributeType.S;
            case N -> AttributeType.N;
            case B -> AttributeType.B;
            case BOOL -> AttributeType.BOOL;
            case NUL, UNKNOWN_TO_SDK_VERSION -> AttributeType.NULL;
            case SS -> AttributeType.SS;
            case NS -> AttributeType.NS;
            case BS -> AttributeType.BS;
            case L -> AttributeType.L;
            case M -> AttributeType.M;
        };
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}

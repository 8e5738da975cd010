package dev.keysmith.engine.differential;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A canonical text for attribute values and items, so two answers compare by DynamoDB's semantics: numbers by value,
 * sets unordered, map keys unordered. Equal texts mean equal values.
 */
final class Semantic {
    private Semantic() {}

    static String item(@Nullable Map<String, AttributeValue> item) {
        if (item == null) {
            return "null";
        }
        Map<String, String> sorted = new TreeMap<>();
        item.forEach((k, v) -> sorted.put(k, value(v)));
        return sorted.toString();
    }

    static String items(List<Map<String, AttributeValue>> items) {
        return items.stream().map(Semantic::item).collect(Collectors.joining(",\n  ", "[\n  ", "]"));
    }

    static List<String> sortedItems(List<Map<String, AttributeValue>> items) {
        return items.stream().map(Semantic::item).sorted().toList();
    }

    static String value(AttributeValue v) {
        return switch (v.type()) {
            case S -> "S:" + v.s();
            case N -> "N:" + number(v.n());
            case B -> "B:" + hex(v.b());
            case BOOL -> "BOOL:" + v.bool();
            case NUL -> "NULL";
            case L -> v.l().stream().map(Semantic::value).collect(Collectors.joining(",", "L[", "]"));
            case M -> "M" + item(v.m());
            case SS -> "SS" + v.ss().stream().sorted().toList();
            case NS -> "NS" + v.ns().stream().map(Semantic::number).sorted().toList();
            case BS -> "BS" + v.bs().stream().map(Semantic::hex).sorted().toList();
            case UNKNOWN_TO_SDK_VERSION -> "?";
        };
    }

    static String number(String n) {
        BigDecimal d = new BigDecimal(n);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
    }

    private static String hex(SdkBytes b) {
        return HexFormat.of().formatHex(b.asByteArray());
    }
}

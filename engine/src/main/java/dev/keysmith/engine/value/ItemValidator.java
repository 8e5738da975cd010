package dev.keysmith.engine.value;

import dev.keysmith.engine.error.Errors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Validates attribute values as DynamoDB does on input and normalizes their numbers to canonical text.
 *
 * <p>Messages are DynamoDB's (dynamodb.md section 7.3, from dynalite's live-tested suite). The nesting limit and
 * message come from the conformance suite run against real DynamoDB (nubo-db/dynamodb-conformance
 * {@code tests/tier3/limits/nestingDepth}): the attribute's own value is level 1 and a value at level 33 is rejected.
 * Callers that validate {@code ExpressionAttributeValues} prefix the message with
 * {@code "ExpressionAttributeValues contains invalid value: "} as DynamoDB does.
 */
public final class ItemValidator {
    /** The deepest level a value may sit at; an attribute's own value is level 1. */
    static final int MAX_DEPTH = 32;

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String EMPTY =
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    private static final String MORE_THAN_ONE = "Supplied AttributeValue has more than one datatypes set, "
            + "must contain exactly one of the supported datatypes";
    private static final String TOO_DEEP =
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond "
                    + "supported limit";

    private ItemValidator() {}

    /**
     * Validates every value of an item and returns it with numbers (N, NS, nested) in canonical form. The same map
     * is returned when nothing needed normalizing.
     */
    public static Map<String, AttributeValue> validateItem(Map<String, AttributeValue> item) {
        return validateMap(item, 1);
    }

    /** Validates a single value and returns it with its numbers in canonical form (the same instance if unchanged). */
    public static AttributeValue validateValue(@Nullable AttributeValue value) {
        return validate(value, 1);
    }

    private static Map<String, AttributeValue> validateMap(Map<String, AttributeValue> map, int level) {
        Map<String, AttributeValue> result = map;
        for (var e : map.entrySet()) {
            AttributeValue original = e.getValue();
            AttributeValue checked = validate(original, level);
            if (checked != original) {
                if (result == map) {
                    result = new LinkedHashMap<>(map);
                }
                result.put(e.getKey(), checked);
            }
        }
        return result;
    }

    private static AttributeValue validate(@Nullable AttributeValue value, int level) {
        if (value == null) {
            throw Errors.validation(EMPTY);
        }
        if (level > MAX_DEPTH) {
            throw Errors.validation(TOO_DEEP);
        }
        int types = countTypes(value);
        if (types == 0) {
            throw Errors.validation(EMPTY);
        }
        AttributeValue result = validateEachType(value, level);
        if (types > 1) {
            throw Errors.validation(MORE_THAN_ONE);
        }
        return result;
    }

    private static int countTypes(AttributeValue v) {
        int n = 0;
        n += v.s() != null ? 1 : 0;
        n += v.n() != null ? 1 : 0;
        n += v.b() != null ? 1 : 0;
        n += v.bool() != null ? 1 : 0;
        n += v.nul() != null ? 1 : 0;
        n += v.hasSs() ? 1 : 0;
        n += v.hasNs() ? 1 : 0;
        n += v.hasBs() ? 1 : 0;
        n += v.hasM() ? 1 : 0;
        n += v.hasL() ? 1 : 0;
        return n;
    }

    /**
     * Checks each type that is set (like DynamoDB, a bad member wins over "more than one datatypes") and returns the
     * normalized value of the last one checked; only meaningful when exactly one type is set.
     */
    private static AttributeValue validateEachType(AttributeValue v, int level) {
        AttributeValue result = v;
        if (v.n() != null) {
            String canonical = Numbers.canonical(v.n());
            result = canonical.equals(v.n()) ? v : AttributeValue.fromN(canonical);
        }
        if (v.nul() != null && !v.nul()) {
            throw Errors.validation(INVALID + "Null attribute value types must have the value of true");
        }
        if (v.hasSs()) {
            checkStringSet(v.ss());
        }
        if (v.hasNs()) {
            List<String> canonical = checkNumberSet(v.ns());
            result = canonical.equals(v.ns()) ? v : AttributeValue.fromNs(canonical);
        }
        if (v.hasBs()) {
            checkBinarySet(v.bs());
        }
        if (v.hasM()) {
            Map<String, AttributeValue> checked = validateMap(v.m(), level + 1);
            result = checked == v.m() ? v : AttributeValue.fromM(checked);
        }
        if (v.hasL()) {
            List<AttributeValue> checked = validateList(v.l(), level + 1);
            result = checked == v.l() ? v : AttributeValue.fromL(checked);
        }
        return result;
    }

    private static List<AttributeValue> validateList(List<AttributeValue> list, int level) {
        List<AttributeValue> result = list;
        for (int i = 0; i < list.size(); i++) {
            AttributeValue original = list.get(i);
            AttributeValue checked = validate(original, level);
            if (checked != original) {
                if (result == list) {
                    result = new ArrayList<>(list);
                }
                result.set(i, checked);
            }
        }
        return result;
    }

    private static void checkStringSet(List<String> set) {
        if (set.isEmpty()) {
            throw Errors.validation(INVALID + "An string set  may not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (String s : set) {
            if (s == null) {
                throw Errors.validation(EMPTY);
            }
            if (!seen.add(s)) {
                throw Errors.validation(INVALID + "Input collection " + set + " contains duplicates.");
            }
        }
    }

    private static List<String> checkNumberSet(List<String> set) {
        if (set.isEmpty()) {
            throw Errors.validation(INVALID + "An number set  may not be empty");
        }
        List<String> canonical = new ArrayList<>(set.size());
        for (String n : set) {
            canonical.add(Numbers.canonical(n));
        }
        // Canonical text is unique per value, so "1" and "1.0" collide here.
        Set<String> seen = new HashSet<>();
        for (String n : canonical) {
            if (!seen.add(n)) {
                throw Errors.validation("Input collection contains duplicates");
            }
        }
        return canonical;
    }

    private static void checkBinarySet(List<SdkBytes> set) {
        if (set.isEmpty()) {
            throw Errors.validation(INVALID + "Binary sets should not be empty");
        }
        Set<ByteBuffer> seen = new HashSet<>();
        for (SdkBytes b : set) {
            if (b == null) {
                throw Errors.validation(EMPTY);
            }
            if (!seen.add(b.asByteBuffer())) {
                throw Errors.validation(
                        INVALID + "Input collection " + base64(set) + "of type BS contains duplicates.");
            }
        }
    }

    private static String base64(List<SdkBytes> set) {
        List<String> texts = new ArrayList<>(set.size());
        for (SdkBytes b : set) {
            texts.add(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        }
        return texts.toString();
    }
}

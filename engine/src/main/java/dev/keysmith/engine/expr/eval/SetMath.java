package dev.keysmith.engine.expr.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Union and difference of DynamoDB sets of the same type; null when the types do not match. */
public final class SetMath {
    private SetMath() {}

    public static @Nullable AttributeValue union(AttributeValue a, AttributeValue b) {
        return combine(a, b, true);
    }

    /** {@code a} without the elements of {@code b}; an empty result is returned as an empty set. */
    public static @Nullable AttributeValue difference(AttributeValue a, AttributeValue b) {
        return combine(a, b, false);
    }

    private static @Nullable AttributeValue combine(AttributeValue a, AttributeValue b, boolean union) {
        if (a.type() != b.type()) {
            return null;
        }
        return switch (a.type()) {
            case SS -> AttributeValue.fromSs(apply(a.ss(), b.ss(), String::equals, union));
            case NS -> AttributeValue.fromNs(apply(a.ns(), b.ns(), SetMath::sameNumber, union));
            case BS -> AttributeValue.fromBs(apply(a.bs(), b.bs(), SdkBytes::equals, union));
            case S, N, B, BOOL, NUL, L, M, UNKNOWN_TO_SDK_VERSION -> null;
        };
    }

    private static boolean sameNumber(String x, String y) {
        return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
    }

    private static <T> List<T> apply(List<T> a, List<T> b, BiPredicate<T, T> same, boolean union) {
        var result = new ArrayList<T>();
        for (T x : a) {
            boolean inB = b.stream().anyMatch(y -> same.test(x, y));
            if (union || !inB) {
                result.add(x);
            }
        }
        if (union) {
            for (T y : b) {
                if (a.stream().noneMatch(x -> same.test(x, y))) {
                    result.add(y);
                }
            }
        }
        return result;
    }

    public static boolean isEmptySet(AttributeValue v) {
        return switch (v.type()) {
            case SS -> v.ss().isEmpty();
            case NS -> v.ns().isEmpty();
            case BS -> v.bs().isEmpty();
            case S, N, B, BOOL, NUL, L, M, UNKNOWN_TO_SDK_VERSION -> false;
        };
    }
}

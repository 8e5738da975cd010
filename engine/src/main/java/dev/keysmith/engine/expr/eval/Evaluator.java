package dev.keysmith.engine.expr.eval;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.ast.Operand;
import dev.keysmith.engine.expr.ast.Predicate;
import dev.keysmith.engine.value.AttributeValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Evaluates operands and predicates against one item. In conditions a missing attribute or a type mismatch makes
 * the comparison false rather than an error (developer guide, "Comparison operator and function reference": "If
 * the data type ... does not match ... the result is false").
 */
public final class Evaluator {
    static final String MISSING = "The provided expression refers to an attribute that does not exist in the item";
    static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    private Evaluator() {}

    public static boolean test(Predicate p, Map<String, AttributeValue> item) {
        return switch (p) {
            case Predicate.Or o -> test(o.left(), item) || test(o.right(), item);
            case Predicate.And a -> test(a.left(), item) && test(a.right(), item);
            case Predicate.Not n -> !test(n.operand(), item);
            case Predicate.Compare c -> compare(c, item);
            case Predicate.Between b -> {
                AttributeValue x = value(b.operand(), item);
                Integer low = AttributeValues.compare(x, value(b.lower(), item));
                Integer high = AttributeValues.compare(x, value(b.upper(), item));
                yield low != null && high != null && low >= 0 && high <= 0;
            }
            case Predicate.In in -> {
                AttributeValue x = value(in.operand(), item);
                yield in.candidates().stream().anyMatch(c -> AttributeValues.equal(x, value(c, item)));
            }
            case Predicate.Exists e -> Documents.get(item, e.path()) != null;
            case Predicate.NotExists e -> Documents.get(item, e.path()) == null;
            case Predicate.AttrType t -> {
                AttributeValue v = value(t.operand(), item);
                yield v != null && AttributeValues.typeName(v).equals(t.type());
            }
            case Predicate.BeginsWith b -> beginsWith(value(b.operand(), item), value(b.prefix(), item));
            case Predicate.Contains c -> contains(value(c.operand(), item), value(c.element(), item));
            case Predicate.True t -> true;
        };
    }

    private static boolean compare(Predicate.Compare c, Map<String, AttributeValue> item) {
        AttributeValue left = value(c.left(), item);
        AttributeValue right = value(c.right(), item);
        return switch (c.op()) {
            case EQ -> AttributeValues.equal(left, right);
            // "a <> :v" is true when a is absent or of another type: the values are not equal.
            case NE -> !AttributeValues.equal(left, right);
            case LT -> ordered(left, right, o -> o < 0);
            case LE -> ordered(left, right, o -> o <= 0);
            case GT -> ordered(left, right, o -> o > 0);
            case GE -> ordered(left, right, o -> o >= 0);
        };
    }

    private static boolean ordered(
            @Nullable AttributeValue a, @Nullable AttributeValue b, java.util.function.IntPredicate test) {
        Integer order = AttributeValues.compare(a, b);
        return order != null && test.test(order);
    }

    public static boolean beginsWith(@Nullable AttributeValue v, @Nullable AttributeValue prefix) {
        if (v == null || prefix == null) {
            return false;
        }
        if (v.s() != null && prefix.s() != null) {
            return v.s().startsWith(prefix.s());
        }
        if (v.b() != null && prefix.b() != null) {
            byte[] bytes = v.b().asByteArrayUnsafe();
            byte[] p = prefix.b().asByteArrayUnsafe();
            return bytes.length >= p.length && Arrays.equals(bytes, 0, p.length, p, 0, p.length);
        }
        return false;
    }

    /**
     * contains(a, b): substring if a is a String, byte subsequence if a is a Binary, membership if a is a set of b's
     * type, element equality if a is a List (developer guide, contains function; binary and list verified against
     * DynamoDB by scylladb's test_update_condition_contains).
     */
    static boolean contains(@Nullable AttributeValue v, @Nullable AttributeValue element) {
        if (v == null || element == null) {
            return false;
        }
        return switch (v.type()) {
            case S -> element.s() != null && v.s().contains(element.s());
            case SS -> element.s() != null && v.ss().contains(element.s());
            case NS ->
                element.n() != null
                        && v.ns().stream().anyMatch(n -> new BigDecimal(n).compareTo(new BigDecimal(element.n())) == 0);
            case B ->
                element.b() != null
                        && indexOf(v.b().asByteArrayUnsafe(), element.b().asByteArrayUnsafe()) >= 0;
            case BS -> element.b() != null && v.bs().contains(element.b());
            case L -> v.l().stream().anyMatch(e -> AttributeValues.equal(e, element));
            case N, BOOL, NUL, M, UNKNOWN_TO_SDK_VERSION -> false;
        };
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The value of an operand, or null if it refers to a missing attribute (size of a value that has no size is
     * null too). The update-only forms (if_not_exists, list_append, + and -) throw DynamoDB's update errors.
     */
    public static @Nullable AttributeValue value(Operand o, Map<String, AttributeValue> item) {
        return switch (o) {
            case Operand.Literal l -> l.value();
            case Operand.Attr a -> Documents.get(item, a.path());
            case Operand.Size s -> size(value(s.operand(), item));
            case Operand.IfNotExists i -> {
                AttributeValue existing = Documents.get(item, i.path());
                yield existing != null ? existing : value(i.fallback(), item);
            }
            case Operand.ListAppend la -> {
                AttributeValue first = required(la.first(), item);
                AttributeValue second = required(la.second(), item);
                if (!first.hasL() || !second.hasL()) {
                    throw Errors.validation(WRONG_TYPE);
                }
                var joined = new ArrayList<AttributeValue>(
                        first.l().size() + second.l().size());
                joined.addAll(first.l());
                joined.addAll(second.l());
                yield AttributeValue.fromL(joined);
            }
            case Operand.Arithmetic a -> {
                AttributeValue left = required(a.left(), item);
                AttributeValue right = required(a.right(), item);
                if (left.n() == null || right.n() == null) {
                    throw Errors.validation(WRONG_TYPE);
                }
                yield AttributeValue.fromN(
                        a.plus()
                                ? NumberArithmetic.add(left.n(), right.n())
                                : NumberArithmetic.subtract(left.n(), right.n()));
            }
        };
    }

    /** The value of an update operand, which must exist. */
    static AttributeValue required(Operand o, Map<String, AttributeValue> item) {
        AttributeValue v = value(o, item);
        if (v == null) {
            throw Errors.validation(MISSING);
        }
        return v;
    }

    /**
     * size(): a String's length in UTF-16 code units (what real DynamoDB returns: size("é𝄞") is 3, verified against
     * the service in ExtendDB/extenddb PR #67), a Binary's length in bytes, the element count of a set, list or map.
     * Numbers, booleans and NULL have no size.
     */
    static @Nullable AttributeValue size(@Nullable AttributeValue v) {
        if (v == null) {
            return null;
        }
        Integer size = switch (v.type()) {
            case S -> v.s().length();
            case B -> v.b().asByteArrayUnsafe().length;
            case SS -> v.ss().size();
            case NS -> v.ns().size();
            case BS -> v.bs().size();
            case L -> v.l().size();
            case M -> v.m().size();
            case N, BOOL, NUL, UNKNOWN_TO_SDK_VERSION -> null;
        };
        return size == null ? null : AttributeValue.fromN(Integer.toString(size));
    }
}

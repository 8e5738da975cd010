package dev.keysmith.engine.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How the value of one SDK field travels as JSON. It is derived once per {@link SdkField} from the field's
 * {@code MarshallingType} and its list/map traits, the same information the SDK's own JSON marshaller uses.
 */
sealed interface Shape {

    /** A string, number, boolean, timestamp or blob. */
    record Scalar(MarshallingKnownType type) implements Shape {}

    /** DynamoDB's {@code AttributeValue} union, which has a hand-written fast path. */
    record Attribute() implements Shape {}

    /** A nested structure, read through a fresh builder from {@code newBuilder}. */
    record Struct(Supplier<SdkPojo> newBuilder) implements Shape {}

    record ListOf(Shape member) implements Shape {}

    record MapOf(Shape value) implements Shape {}

    Shape ATTRIBUTE = new Attribute();

    static Shape of(SdkField<?> field) {
        Shape known = Cache.SHAPES.get(field);
        if (known != null) {
            return known;
        }
        Shape computed = compute(field);
        Cache.SHAPES.putIfAbsent(field, computed);
        return computed;
    }

    private static Shape compute(SdkField<?> field) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return switch (type) {
            case SDK_POJO -> {
                Supplier<SdkPojo> constructor = field.constructor();
                yield constructor.get() instanceof AttributeValue.Builder ? ATTRIBUTE : new Struct(constructor);
            }
            case LIST -> new ListOf(of(field.getRequiredTrait(ListTrait.class).memberFieldInfo()));
            case MAP -> new MapOf(of(field.getRequiredTrait(MapTrait.class).valueFieldInfo()));
            default -> new Scalar(type);
        };
    }

    /** Holder for the per-field cache (interfaces cannot have private static fields). */
    final class Cache {
        private static final Map<SdkField<?>, Shape> SHAPES = new ConcurrentHashMap<>();

        private Cache() {}
    }
}

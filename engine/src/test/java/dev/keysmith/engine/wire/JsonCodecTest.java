package dev.keysmith.engine.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The generic codec over the SDK model: every request and response class of DynamoDB and DynamoDB Streams, filled with
 * random values in every member (nested structures, lists, maps, items of all ten types), survives write then read.
 */
class JsonCodecTest {

    /** Request and response classes of every action of a client interface, found like {@code Operations} does. */
    private static List<Class<?>> modelClasses(Class<?> api) {
        List<Class<?>> classes = new ArrayList<>();
        for (Method method : api.getMethods()) {
            if (method.getParameterCount() == 1
                    && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])
                    && method.getReturnType().getSimpleName().endsWith("Response")) {
                classes.add(method.getParameterTypes()[0]);
                classes.add(method.getReturnType());
            }
        }
        return classes;
    }

    private static Supplier<SdkPojo> builderOf(Class<?> type) {
        return () -> {
            try {
                return (SdkPojo) type.getMethod("builder").invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void everyRequestAndResponseClass_roundTripsWithEveryMemberSet() {
        List<Class<?>> classes = new ArrayList<>(modelClasses(DynamoDbClient.class));
        classes.addAll(modelClasses(DynamoDbStreamsClient.class));
        assertTrue(classes.size() > 120, "found " + classes.size() + " model classes");
        Random random = new Random(20261122);
        for (Class<?> type : classes) {
            SdkPojo original = randomPojo(builderOf(type), random, 0);
            byte[] json = JsonCodec.write(original);
            SdkPojo read = JsonCodec.readRequest(json, builderOf(type));
            assertEquals(original, read, type.getSimpleName() + " via " + new String(json, UTF_8));
        }
    }

    @Test
    void neverSetCollectionsAndNullMembers_ofResponsesAreLeftOut() {
        List<Class<?>> responses = modelClasses(DynamoDbClient.class).stream()
                .filter(type -> !SdkRequest.class.isAssignableFrom(type))
                .toList();
        for (Class<?> type : responses) {
            SdkPojo empty = (SdkPojo) ((SdkBuilder<?, ?>) builderOf(type).get()).build();
            assertEquals("{}", new String(JsonCodec.write(empty), UTF_8), type.getSimpleName());
        }
    }

    @Test
    void explicitlyEmptyCollections_areWritten() {
        var response = software.amazon.awssdk.services.dynamodb.model.QueryResponse.builder()
                .items(List.of())
                .count(0)
                .build();
        assertEquals("{\"Items\":[],\"Count\":0}", new String(JsonCodec.write(response), UTF_8));
    }

    @Test
    void attributeValues_useDynamoDbTypeDescriptorsWithNumbersAsStringsAndBinaryAsBase64() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("n", AttributeValue.fromN("1.50"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("hi"))));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromBool(false))));
        var response = software.amazon.awssdk.services.dynamodb.model.GetItemResponse.builder()
                .item(item)
                .build();
        assertEquals(
                "{\"Item\":{\"n\":{\"N\":\"1.50\"},\"b\":{\"B\":\"AAH/\"},\"bs\":{\"BS\":[\"aGk=\"]},"
                        + "\"nul\":{\"NULL\":true},\"l\":{\"L\":[{\"BOOL\":false}]}}}",
                new String(JsonCodec.write(response), UTF_8));
    }

    @Test
    void timestamps_readFractionalAndIntegralEpochSeconds() {
        var read = (software.amazon.awssdk.services.dynamodb.model.TableDescription) JsonCodec.readRequest(
                "{\"CreationDateTime\":1.700000000123E9}".getBytes(UTF_8),
                builderOf(software.amazon.awssdk.services.dynamodb.model.TableDescription.class));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), read.creationDateTime());
        assertEquals("1700000000", JsonCodec.epochSeconds(Instant.ofEpochSecond(1_700_000_000L)));
    }

    // ---------------------------------------------------------------- random model values

    private static SdkPojo randomPojo(Supplier<SdkPojo> newBuilder, Random random, int depth) {
        SdkPojo builder = newBuilder.get();
        if (depth < 4) {
            for (SdkField<?> field : builder.sdkFields()) {
                field.set(builder, randomValue(Shape.of(field), random, depth + 1));
            }
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object randomValue(Shape shape, Random random, int depth) {
        return switch (shape) {
            case Shape.Scalar scalar ->
                switch (scalar.type()) {
                    case STRING -> "s" + random.nextInt(1000) + "\u00e9\"\\";
                    case BOOLEAN -> random.nextBoolean();
                    case INTEGER -> random.nextInt();
                    case LONG -> random.nextLong();
                    case SHORT -> (short) random.nextInt(Short.MAX_VALUE);
                    case BYTE -> (byte) random.nextInt(Byte.MAX_VALUE);
                    case FLOAT -> random.nextFloat() * 1000;
                    case DOUBLE -> random.nextDouble() * 1e6;
                    case BIG_DECIMAL -> new BigDecimal(random.nextInt()).movePointLeft(3);
                    case SDK_BYTES -> {
                        byte[] bytes = new byte[random.nextInt(8)];
                        random.nextBytes(bytes);
                        yield SdkBytes.fromByteArray(bytes);
                    }
                    case INSTANT -> Instant.ofEpochMilli(1_600_000_000_000L + random.nextInt(Integer.MAX_VALUE));
                    case DOCUMENT, NULL, SDK_POJO, LIST, MAP -> throw new IllegalStateException(scalar.toString());
                };
            case Shape.Attribute _ -> randomAttribute(random, depth);
            case Shape.Struct struct -> randomPojo(struct.newBuilder(), random, depth);
            case Shape.ListOf list -> {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    values.add(randomValue(list.member(), random, depth + 1));
                }
                yield values;
            }
            case Shape.MapOf map -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < 2; i++) {
                    values.put("k" + i, randomValue(map.value(), random, depth + 1));
                }
                yield values;
            }
        };
    }

    private static AttributeValue randomAttribute(Random random, int depth) {
        int kind = random.nextInt(depth > 6 ? 8 : 10);
        return switch (kind) {
            case 0 -> AttributeValue.fromS("v" + random.nextInt());
            case 1 -> AttributeValue.fromN(Integer.toString(random.nextInt()));
            case 2 -> AttributeValue.fromB(SdkBytes.fromUtf8String("bin" + random.nextInt()));
            case 3 -> AttributeValue.fromSs(new ArrayList<>(new TreeSet<>(List.of("a", "b" + random.nextInt()))));
            case 4 -> AttributeValue.fromNs(List.of("1", "2.5"));
            case 5 -> AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")));
            case 6 -> AttributeValue.fromBool(random.nextBoolean());
            case 7 -> AttributeValue.fromNul(true);
            case 8 -> AttributeValue.fromM(Map.of("inner", randomAttribute(random, depth + 1)));
            default -> AttributeValue.fromL(List.of(randomAttribute(random, depth + 1)));
        };
    }
}

package dev.keysmith.engine.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.keysmith.engine.error.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * DynamoDB's JSON 1.0 body format over the AWS SDK's own model classes. Every request, response, model and exception
 * class of the SDK describes its members as {@link SdkField}s (JSON name, marshalling type, getter, builder setter,
 * list/map member traits), so one generic reader and writer serve every operation. {@link AttributeValueJson} is the
 * hand-tuned path for item data.
 *
 * <p>Reading follows AWS's JSON 1.0 deserializer: unknown members are ignored, {@code null} members count as absent,
 * and a JSON type that does not fit the member fails with a {@code SerializationException}. An AttributeValue with no
 * or several types is a {@code ValidationException}, reported only after the whole body has been read, because AWS
 * checks types (serialization) before it validates values.
 */
final class JsonCodec {
    /**
     * The deepest JSON nesting a body may have: far above what a valid request needs (32 attribute-value levels, two
     * JSON objects each, inside a request's own few levels), so that a too-deep AttributeValue still reaches
     * validation ("Nesting Levels have exceeded supported limits"); deeper bodies are a SerializationException, and
     * the recursive readers never go deeper than this.
     */
    static final int MAX_NESTING_DEPTH = 1000;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    private static final String ITEMS = "Items";

    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS_BY_NAME = new ConcurrentHashMap<>();

    private JsonCodec() {}

    /** Reads a request body into the request built by {@code newBuilder}. Throws the SDK exception to answer with. */
    static SdkPojo readRequest(byte[] body, Supplier<SdkPojo> newBuilder) {
        Decoding decoding = new Decoding();
        SdkPojo request;
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw Errors.serialization(null);
            }
            request = readStruct(parser, first, newBuilder, decoding);
            if (parser.nextToken() != null) {
                throw Errors.serialization(null);
            }
        } catch (IOException malformed) {
            // the body is in memory: any read failure is bad JSON, or JSON beyond the parser's limits (nesting depth)
            throw Errors.serialization(null);
        }
        decoding.throwPendingValidation();
        return request;
    }

    /** Whether the bytes are one well-formed JSON value (used to rank a syntax error above an unknown target). */
    static boolean isWellFormed(byte[] body) {
        if (body.length == 0) {
            return true;
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException malformed) {
            return false;
        }
    }

    /** Writes the payload members of an SDK response or model object. */
    static byte[] write(SdkPojo pojo) {
        return write(pojo, pojo.sdkFields(), Map.of());
    }

    /**
     * Writes a Query or Scan response whose items the engine handed over in their stored encoding (see
     * {@link dev.keysmith.engine.op.StoredItems}): {@code Items} is written from {@code storedItems}, in its modeled
     * place among the members, and everything else as {@link #write(SdkPojo)} does.
     */
    static byte[] write(SdkPojo response, List<byte[]> storedItems) {
        JsonBytes out = new JsonBytes(256 + 256 * storedItems.size());
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartObject();
            for (SdkField<?> field : response.sdkFields()) {
                if (field.locationName().equals(ITEMS)) {
                    generator.writeFieldName(ITEMS);
                    generator.writeRawValue(""); // the separator only: the value goes straight to the buffer
                    generator.flush();
                    StoredItemJson.writeItems(out, storedItems);
                } else {
                    writeMember(generator, response, field);
                }
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code leading} string members first, then the modeled members {@code fields} of {@code target}: that is
     * how an error body ({@code __type}, message, then e.g. {@code Item}) is produced from an SDK exception.
     */
    static byte[] write(Object target, List<SdkField<?>> fields, Map<String, String> leading) {
        JsonBytes out = new JsonBytes(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartObject();
            for (Map.Entry<String, String> member : leading.entrySet()) {
                generator.writeStringField(member.getKey(), member.getValue());
            }
            writeMembers(generator, target, fields);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- reading

    static SdkPojo readStruct(JsonParser parser, JsonToken token, Supplier<SdkPojo> newBuilder, Decoding decoding)
            throws IOException {
        expectObject(token);
        SdkPojo builder = newBuilder.get();
        Map<String, SdkField<?>> fields = FIELDS_BY_NAME.get(builder.getClass());
        if (fields == null) {
            fields = index(builder.sdkFields());
            FIELDS_BY_NAME.putIfAbsent(builder.getClass(), fields);
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            SdkField<?> field = fields.get(parser.currentName());
            JsonToken valueToken = parser.nextToken();
            if (field == null) {
                parser.skipChildren();
                continue;
            }
            Object value = readValue(parser, valueToken, Shape.of(field), decoding);
            if (value != null) {
                field.set(builder, value);
            }
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    static @Nullable Object readValue(JsonParser parser, JsonToken token, Shape shape, Decoding decoding)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return switch (shape) {
            case Shape.Scalar scalar -> readScalar(parser, token, scalar.type());
            case Shape.Attribute _ -> AttributeValueJson.read(parser, token, decoding);
            case Shape.Struct struct -> readStruct(parser, token, struct.newBuilder(), decoding);
            case Shape.ListOf list -> readList(parser, token, list.member(), decoding);
            case Shape.MapOf map -> readMap(parser, token, map.value(), decoding);
        };
    }

    private static List<Object> readList(JsonParser parser, JsonToken token, Shape member, Decoding decoding)
            throws IOException {
        expectArray(token);
        List<Object> values = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            Object value = readValue(parser, element, member, decoding);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static Map<String, Object> readMap(JsonParser parser, JsonToken token, Shape valueShape, Decoding decoding)
            throws IOException {
        expectObject(token);
        Map<String, Object> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Object value = readValue(parser, parser.nextToken(), valueShape, decoding);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private static Object readScalar(JsonParser parser, JsonToken token, MarshallingKnownType type) throws IOException {
        return switch (type) {
            case STRING -> readString(parser, token, "String");
            case BOOLEAN -> readBoolean(parser, token, "Boolean");
            case SDK_BYTES -> SdkBytes.fromByteArrayUnsafe(readBlob(parser, token));
            case INSTANT -> toInstant(readNumber(parser, token, "Timestamp").getDecimalValue());
            case INTEGER -> coerce(parser, token, "Integer", JsonParser::getIntValue);
            case LONG -> coerce(parser, token, "Long", JsonParser::getLongValue);
            case SHORT -> coerce(parser, token, "Short", JsonParser::getShortValue);
            case BYTE -> coerce(parser, token, "Byte", JsonParser::getByteValue);
            case FLOAT -> coerce(parser, token, "Float", JsonParser::getFloatValue);
            case DOUBLE -> coerce(parser, token, "Double", JsonParser::getDoubleValue);
            case BIG_DECIMAL -> coerce(parser, token, "BigDecimal", JsonParser::getDecimalValue);
            case DOCUMENT, NULL, SDK_POJO, LIST, MAP -> throw Errors.serialization("Unexpected field type");
        };
    }

    private interface NumberRead {
        Object read(JsonParser parser) throws IOException;
    }

    private static Object coerce(JsonParser parser, JsonToken token, String javaType, NumberRead read)
            throws IOException {
        readNumber(parser, token, javaType);
        try {
            return read.read(parser);
        } catch (InputCoercionException outOfRange) {
            throw Errors.serialization("NUMBER_VALUE cannot be converted to " + javaType);
        }
    }

    static String readString(JsonParser parser, JsonToken token, String javaType) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw mismatch(token, javaType);
        }
        return parser.getText();
    }

    static boolean readBoolean(JsonParser parser, JsonToken token, String javaType) {
        return switch (token) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw mismatch(token, javaType);
        };
    }

    private static JsonParser readNumber(JsonParser parser, JsonToken token, String javaType) {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch(token, javaType);
        }
        return parser;
    }

    /** A base64 blob, with the checks (and texts) DynamoDB applies before decoding. */
    static byte[] readBlob(JsonParser parser, JsonToken token) throws IOException {
        String text = readString(parser, token, "Blob");
        if (text.length() % 4 != 0) {
            throw Errors.serialization("'" + text + "' can not be converted to a Blob: "
                    + "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException badCharacter) {
            throw Errors.serialization("'" + text + "' can not be converted to a Blob: " + badCharacter.getMessage());
        }
    }

    static void expectObject(JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            throw token == JsonToken.START_ARRAY
                    ? Errors.serialization("Start of list found where not expected")
                    : Errors.serialization("Unexpected field type");
        }
    }

    static void expectArray(JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            throw token == JsonToken.START_OBJECT
                    ? Errors.serialization("Start of structure or map found where not expected")
                    : Errors.serialization("Unexpected field type");
        }
    }

    /** The SerializationException for a JSON value of the wrong kind, in DynamoDB's words. */
    static DynamoDbException mismatch(JsonToken token, String javaType) {
        return switch (token) {
            case START_OBJECT -> Errors.serialization("Start of structure or map found where not expected");
            case START_ARRAY -> Errors.serialization("Start of list found where not expected");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                Errors.serialization("NUMBER_VALUE cannot be converted to " + javaType);
            case VALUE_STRING -> Errors.serialization("STRING_VALUE cannot be converted to " + javaType);
            case VALUE_TRUE, VALUE_FALSE -> Errors.serialization("BOOLEAN_VALUE cannot be converted to " + javaType);
            default -> Errors.serialization("Unexpected field type");
        };
    }

    private static Instant toInstant(BigDecimal epochSeconds) {
        BigDecimal whole = epochSeconds.setScale(0, RoundingMode.FLOOR);
        int nanos = epochSeconds.subtract(whole).movePointRight(9).intValue();
        try {
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | java.time.DateTimeException outOfRange) {
            throw Errors.serialization("NUMBER_VALUE cannot be converted to Timestamp");
        }
    }

    private static Map<String, SdkField<?>> index(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> byName = new ConcurrentHashMap<>();
        for (SdkField<?> field : fields) {
            byName.put(field.locationName(), field);
        }
        return byName;
    }

    // ---------------------------------------------------------------- writing

    static void writeMembers(JsonGenerator generator, Object target, List<SdkField<?>> fields) throws IOException {
        for (SdkField<?> field : fields) {
            writeMember(generator, target, field);
        }
    }

    private static void writeMember(JsonGenerator generator, Object target, SdkField<?> field) throws IOException {
        Object value = field.getValueOrDefault(target);
        if (!isAbsent(value)) {
            generator.writeFieldName(field.locationName());
            writeValue(generator, Shape.of(field), value);
        }
    }

    /** Null and never-set SDK collections are left out, exactly as the SDK's marshaller does. */
    private static boolean isAbsent(@Nullable Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    static void writeValue(JsonGenerator generator, Shape shape, Object value) throws IOException {
        switch (shape) {
            case Shape.Scalar scalar -> writeScalar(generator, scalar.type(), value);
            case Shape.Attribute _ -> AttributeValueJson.write(generator, (AttributeValue) value);
            case Shape.Struct struct -> {
                SdkPojo pojo = (SdkPojo) value;
                generator.writeStartObject();
                writeMembers(generator, pojo, pojo.sdkFields());
                generator.writeEndObject();
            }
            case Shape.ListOf list -> {
                generator.writeStartArray();
                for (Object element : (List<?>) value) {
                    writeValue(generator, list.member(), element);
                }
                generator.writeEndArray();
            }
            case Shape.MapOf map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    generator.writeFieldName((String) entry.getKey());
                    writeValue(generator, map.value(), entry.getValue());
                }
                generator.writeEndObject();
            }
        }
    }

    private static void writeScalar(JsonGenerator generator, MarshallingKnownType type, Object value)
            throws IOException {
        switch (type) {
            case STRING -> generator.writeString((String) value);
            case BOOLEAN -> generator.writeBoolean((Boolean) value);
            case INTEGER, SHORT, BYTE -> generator.writeNumber(((Number) value).intValue());
            case LONG -> generator.writeNumber((Long) value);
            case FLOAT -> generator.writeNumber((Float) value);
            case DOUBLE -> generator.writeNumber((Double) value);
            case BIG_DECIMAL -> generator.writeNumber((BigDecimal) value);
            case SDK_BYTES -> generator.writeBinary(((SdkBytes) value).asByteArrayUnsafe());
            case INSTANT -> generator.writeNumber(epochSeconds((Instant) value));
            case DOCUMENT, NULL, SDK_POJO, LIST, MAP ->
                throw new IllegalStateException("not a scalar marshalling type: " + type);
        }
    }

    /** AWS JSON 1.0 timestamps: epoch seconds as a JSON number, with the milliseconds as a fraction when present. */
    static String epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli())
                .scaleByPowerOfTen(-3)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Per-request decoding state: the first value-level validation failure, reported after type checks. */
    static final class Decoding {
        private @Nullable String pendingValidation;

        void invalid(String message) {
            if (pendingValidation == null) {
                pendingValidation = message;
            }
        }

        void throwPendingValidation() {
            if (pendingValidation != null) {
                throw Errors.validation(pendingValidation);
            }
        }
    }
}

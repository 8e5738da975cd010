package dev.keysmith.engine.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The hand-written path for DynamoDB's {@code AttributeValue} union ({@code S N B SS NS BS M L BOOL NULL}): items
 * dominate traffic, so they skip the generic field-by-field machinery of {@link JsonCodec}.
 */
final class AttributeValueJson {
    static final String EMPTY = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    static final String SEVERAL =
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

    private static final AttributeValue INVALID = AttributeValue.builder().build();

    private AttributeValueJson() {}

    static AttributeValue read(JsonParser parser, JsonToken token, JsonCodec.Decoding decoding) throws IOException {
        JsonCodec.expectObject(token);
        AttributeValue value = null;
        int types = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String type = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            if (valueToken == JsonToken.VALUE_NULL) {
                continue;
            }
            AttributeValue read = readTyped(type, parser, valueToken, decoding);
            if (read != null) {
                value = read;
                types++;
            }
        }
        if (types == 1) {
            return value;
        }
        decoding.invalid(types == 0 ? EMPTY : SEVERAL);
        return INVALID;
    }

    private static @Nullable AttributeValue readTyped(
            String type, JsonParser parser, JsonToken token, JsonCodec.Decoding decoding) throws IOException {
        return switch (type) {
            case "S" -> AttributeValue.fromS(JsonCodec.readString(parser, token, "String"));
            case "N" -> AttributeValue.fromN(JsonCodec.readString(parser, token, "String"));
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(JsonCodec.readBlob(parser, token)));
            case "SS" -> AttributeValue.fromSs(readStrings(parser, token));
            case "NS" -> AttributeValue.fromNs(readStrings(parser, token));
            case "BS" -> AttributeValue.fromBs(readBlobs(parser, token));
            case "M" -> AttributeValue.fromM(readMap(parser, token, decoding));
            case "L" -> AttributeValue.fromL(readList(parser, token, decoding));
            case "BOOL" -> AttributeValue.fromBool(JsonCodec.readBoolean(parser, token, "Boolean"));
            case "NULL" -> AttributeValue.fromNul(JsonCodec.readBoolean(parser, token, "Boolean"));
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
    }

    /** A JSON object of attribute name to AttributeValue (an item, a key, a map value). */
    static Map<String, AttributeValue> readMap(JsonParser parser, JsonToken token, JsonCodec.Decoding decoding)
            throws IOException {
        JsonCodec.expectObject(token);
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            if (valueToken != JsonToken.VALUE_NULL) {
                map.put(name, read(parser, valueToken, decoding));
            }
        }
        return map;
    }

    private static List<AttributeValue> readList(JsonParser parser, JsonToken token, JsonCodec.Decoding decoding)
            throws IOException {
        JsonCodec.expectArray(token);
        List<AttributeValue> list = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (element != JsonToken.VALUE_NULL) {
                list.add(read(parser, element, decoding));
            }
        }
        return list;
    }

    private static List<String> readStrings(JsonParser parser, JsonToken token) throws IOException {
        JsonCodec.expectArray(token);
        List<String> strings = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (element != JsonToken.VALUE_NULL) {
                strings.add(JsonCodec.readString(parser, element, "String"));
            }
        }
        return strings;
    }

    private static List<SdkBytes> readBlobs(JsonParser parser, JsonToken token) throws IOException {
        JsonCodec.expectArray(token);
        List<SdkBytes> blobs = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (element != JsonToken.VALUE_NULL) {
                blobs.add(SdkBytes.fromByteArrayUnsafe(JsonCodec.readBlob(parser, element)));
            }
        }
        return blobs;
    }

    static void write(JsonGenerator generator, AttributeValue value) throws IOException {
        generator.writeStartObject();
        switch (value.type()) {
            case S -> generator.writeStringField("S", value.s());
            case N -> generator.writeStringField("N", value.n());
            case B -> {
                generator.writeFieldName("B");
                generator.writeBinary(value.b().asByteArrayUnsafe());
            }
            case SS -> writeStrings(generator, "SS", value.ss());
            case NS -> writeStrings(generator, "NS", value.ns());
            case BS -> {
                generator.writeArrayFieldStart("BS");
                for (SdkBytes blob : value.bs()) {
                    generator.writeBinary(blob.asByteArrayUnsafe());
                }
                generator.writeEndArray();
            }
            case M -> {
                generator.writeFieldName("M");
                writeMap(generator, value.m());
            }
            case L -> {
                generator.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case BOOL -> generator.writeBooleanField("BOOL", value.bool());
            case NUL -> generator.writeBooleanField("NULL", value.nul());
            case UNKNOWN_TO_SDK_VERSION -> {
                // nothing the SDK knows how to name: written as an empty union, as the SDK marshaller would
            }
        }
        generator.writeEndObject();
    }

    static void writeMap(JsonGenerator generator, Map<String, AttributeValue> map) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            generator.writeFieldName(entry.getKey());
            write(generator, entry.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeStrings(JsonGenerator generator, String type, List<String> strings) throws IOException {
        generator.writeArrayFieldStart(type);
        for (String string : strings) {
            generator.writeString(string);
        }
        generator.writeEndArray();
    }
}

package dev.keysmith.engine.partiql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code NextToken} of a paged SELECT: base64 of a small JSON object holding a fingerprint of the request
 * (so a token cannot be replayed on another statement), the position among the IN values, and the last evaluated
 * key (key attributes only, hence S, N or B values).
 */
final class NextTokens {
    private static final JsonFactory JSON = new JsonFactory();

    /** Where the next page starts. */
    record Position(
            int fingerprint, int partition, @Nullable Map<String, AttributeValue> startKey) {}

    private NextTokens() {}

    static String encode(Position p) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("f", p.fingerprint());
                g.writeNumberField("p", p.partition());
                if (p.startKey() != null) {
                    g.writeObjectFieldStart("k");
                    for (var e : p.startKey().entrySet()) {
                        AttributeValue v = e.getValue();
                        g.writeObjectFieldStart(e.getKey());
                        switch (v.type()) {
                            case S -> g.writeStringField("S", v.s());
                            case N -> g.writeStringField("N", v.n());
                            case B ->
                                g.writeStringField("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
                            default -> throw new IllegalStateException("key attribute of type " + v.type());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a token; anything that is not one of ours, or belongs to another request, is "Invalid NextToken". */
    static Position decode(String token, int fingerprint) {
        Position p;
        try (JsonParser parser = JSON.createParser(Base64.getDecoder().decode(token))) {
            p = read(parser);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw Problems.invalid(Problems.INVALID_NEXT_TOKEN);
        }
        if (p.fingerprint() != fingerprint) {
            throw Problems.invalid("NextToken does not match request");
        }
        return p;
    }

    private static Position read(JsonParser parser) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        int fingerprint = 0;
        int partition = 0;
        Map<String, AttributeValue> key = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "f" -> fingerprint = parser.getIntValue();
                case "p" -> partition = parser.getIntValue();
                case "k" -> key = readKey(parser);
                default -> throw new IllegalStateException(field);
            }
        }
        if (partition < 0) {
            throw new IllegalStateException("negative position");
        }
        return new Position(fingerprint, partition, key);
    }

    private static Map<String, AttributeValue> readKey(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            expect(parser.nextToken(), JsonToken.FIELD_NAME);
            String type = parser.currentName();
            expect(parser.nextToken(), JsonToken.VALUE_STRING);
            String text = parser.getText();
            key.put(
                    name,
                    switch (type) {
                        case "S" -> AttributeValue.fromS(text);
                        case "N" -> AttributeValue.fromN(text);
                        case "B" ->
                            AttributeValue.fromB(
                                    SdkBytes.fromByteArray(Base64.getDecoder().decode(text)));
                        default -> throw new IllegalStateException(type);
                    });
            expect(parser.nextToken(), JsonToken.END_OBJECT);
        }
        return key;
    }

    private static void expect(@Nullable JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected);
        }
    }

    /** A fingerprint of what must stay the same between pages: the statement and its parameters. */
    static int fingerprint(String statement, java.util.List<AttributeValue> params) {
        return java.util.Objects.hash(statement, params);
    }
}

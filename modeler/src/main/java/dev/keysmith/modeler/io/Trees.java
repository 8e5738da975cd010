package dev.keysmith.modeler.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Parsing text into trees (with line:column on syntax errors) and writing trees back as text. */
final class Trees {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build(); // strings stay quoted: "2010-09-09" or "N" must not read back as a date or a boolean

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Trees() {}

    static JsonNode parseJson(String text) throws ImportException {
        if (text.isBlank()) {
            throw new ImportException("1:1", "The file is empty");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntax("Invalid JSON", e);
        }
    }

    /**
     * Parses YAML. CloudFormation short-form tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}...) become opaque text
     * such as {@code !Ref TableNameParam}, recorded in {@code warnings} with their line:column.
     */
    static JsonNode parseYaml(String text, Warnings warnings) throws ImportException {
        if (text.isBlank()) {
            throw new ImportException("1:1", "The file is empty");
        }
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ImportException("1:1", "The file is empty");
            }
            return value(parser, "", warnings);
        } catch (JsonProcessingException e) {
            throw syntax("Invalid YAML", e);
        } catch (IOException e) {
            throw new ImportException("1:1", "Cannot read YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode value(JsonParser parser, String pointer, Warnings warnings) throws IOException {
        Object typeId = parser.getTypeId();
        String tag = tag(typeId == null ? null : typeId.toString());
        JsonLocation location = parser.currentTokenLocation();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(
                            name,
                            value(
                                    parser,
                                    pointer + "/" + name.replace("~", "~0").replace("/", "~1"),
                                    warnings));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, pointer + "/" + array.size(), warnings));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("Unexpected YAML token " + parser.currentToken());
        };
        if (tag == null) {
            return node;
        }
        String opaque = "!" + tag + " " + (node.isTextual() ? node.asText() : node.toString());
        warnings.markOpaque(pointer);
        warnings.add(
                location.getLineNr() + ":" + location.getColumnNr() + " (" + (pointer.isEmpty() ? "/" : pointer) + ")",
                "YAML tag !" + tag + " (CloudFormation intrinsic function) kept as the text \"" + opaque + "\"");
        return NODES.textNode(opaque);
    }

    /** A CloudFormation-style local tag, or null for no tag or a standard YAML tag. */
    private static @Nullable String tag(@Nullable String typeId) {
        if (typeId == null || typeId.startsWith("tag:yaml.org,2002:")) {
            return null;
        }
        return typeId.startsWith("!") ? typeId.substring(1) : typeId;
    }

    private static ImportException syntax(String what, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String at = location == null ? "1:1" : location.getLineNr() + ":" + location.getColumnNr();
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return new ImportException(at, what + ": " + (newline < 0 ? message : message.substring(0, newline)), e);
    }

    static String writeJson(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String writeYaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write YAML: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A JSON text kept in metadata, back as a tree. */
    static JsonNode fromMetadata(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return NODES.textNode(json);
        }
    }

    /** A tree stored in metadata as compact JSON text. */
    static String toMetadata(JsonNode node) {
        return node.toString();
    }
}

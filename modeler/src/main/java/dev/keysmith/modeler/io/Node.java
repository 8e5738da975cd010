package dev.keysmith.modeler.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON (or YAML) tree node with its JSON pointer, for readers that report precise locations. Values written as
 * CloudFormation intrinsic functions ({@code !Ref X} in YAML, {@code {"Ref": "X"}} in JSON) are accepted as opaque
 * text where text is expected, and ignored with a warning elsewhere.
 */
record Node(JsonNode json, String pointer, Warnings warnings) {

    static Node root(JsonNode json, Warnings warnings) {
        return new Node(json, "", warnings);
    }

    /** Location for messages: the pointer, or {@code /} for the root. */
    String at() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    boolean isMissing() {
        return json.isMissingNode() || json.isNull();
    }

    Node get(String field) {
        JsonNode child = json.isObject() ? json.get(field) : null;
        return new Node(child == null ? MissingNode.getInstance() : child, pointer + "/" + escape(field), warnings);
    }

    boolean has(String field) {
        return !get(field).isMissing();
    }

    Node require(String field) throws ImportException {
        Node child = get(field);
        if (child.isMissing()) {
            throw new ImportException(at(), "Missing required " + field);
        }
        return child;
    }

    Node requireObject() throws ImportException {
        if (!json.isObject()) {
            throw new ImportException(at(), "Expected an object but found " + kind(json));
        }
        return this;
    }

    /** Text value of a field; an intrinsic function becomes its text with a warning. */
    String text(String field) throws ImportException {
        return require(field).asText();
    }

    @Nullable
    String optText(String field) throws ImportException {
        Node child = get(field);
        return child.isMissing() ? null : child.asText();
    }

    String asText() throws ImportException {
        if (json.isTextual()) {
            return json.asText(); // a YAML-tagged value is already opaque text, warned about when read
        }
        String intrinsic = intrinsicText();
        if (intrinsic != null) {
            warnings.add(at(), "intrinsic function " + intrinsic + " kept as text");
            return intrinsic;
        }
        throw new ImportException(at(), "Expected a string but found " + kind(json));
    }

    /** Fields of an object in order. */
    List<Map.Entry<String, Node>> fields() throws ImportException {
        requireObject();
        List<Map.Entry<String, Node>> fields = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            fields.add(Map.entry(name, get(name)));
        }
        return fields;
    }

    /** Elements of an array field; empty when absent. */
    List<Node> array(String field) throws ImportException {
        Node child = get(field);
        return child.isMissing() ? List.of() : child.elements();
    }

    List<Node> elements() throws ImportException {
        if (!json.isArray()) {
            throw new ImportException(at(), "Expected an array but found " + kind(json));
        }
        List<Node> elements = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            elements.add(new Node(json.get(i), pointer + "/" + i, warnings));
        }
        return elements;
    }

    /** A whole number, or null when absent or an intrinsic function (with a warning). */
    @Nullable
    Long optLong(String field) throws ImportException {
        Node child = get(field);
        if (child.isMissing() || child.skipIntrinsic()) {
            return null;
        }
        JsonNode v = child.json;
        if (v.isIntegralNumber() || (v.isTextual() && v.asText().matches("-?\\d+"))) {
            return v.asLong();
        }
        throw new ImportException(child.at(), "Expected a whole number but found " + kind(v));
    }

    @Nullable
    Double optDouble(String field) throws ImportException {
        Node child = get(field);
        if (child.isMissing() || child.skipIntrinsic()) {
            return null;
        }
        JsonNode v = child.json;
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ImportException(child.at(), "Expected a number but found " + kind(v));
    }

    @Nullable
    Boolean optBoolean(String field) throws ImportException {
        Node child = get(field);
        if (child.isMissing() || child.skipIntrinsic()) {
            return null;
        }
        JsonNode v = child.json;
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw new ImportException(child.at(), "Expected true or false but found " + kind(v));
    }

    /** An enum constant by name (case-insensitive), or null when absent or an intrinsic function. */
    <E extends Enum<E>> @Nullable E optEnum(String field, Class<E> type) throws ImportException {
        Node child = get(field);
        if (child.isMissing() || child.skipIntrinsic()) {
            return null;
        }
        String text = child.asText();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new ImportException(
                child.at(), "Unknown value \"" + text + "\" (expected one of " + String.join(", ", names) + ")");
    }

    <E extends Enum<E>> E requireEnum(String field, Class<E> type) throws ImportException {
        require(field);
        E value = optEnum(field, type);
        if (value == null) {
            throw new ImportException(get(field).at(), "An intrinsic function cannot be used for " + field);
        }
        return value;
    }

    /** True (after a warning) when this value is an intrinsic function that cannot be evaluated here. */
    private boolean skipIntrinsic() {
        String intrinsic = warnings.isOpaque(pointer) ? json.asText() : intrinsicText();
        if (intrinsic == null) {
            return false;
        }
        warnings.add(at(), "intrinsic function " + intrinsic + " cannot be evaluated; value ignored");
        return true;
    }

    /** {@code {"Ref": "X"}} or {@code {"Fn::Sub": ...}} as {@code !Ref X} / {@code !Sub ...}; null otherwise. */
    private @Nullable String intrinsicText() {
        if (!json.isObject() || json.size() != 1) {
            return null;
        }
        String name = json.fieldNames().next();
        if (!name.equals("Ref") && !name.startsWith("Fn::") && !name.equals("Condition")) {
            return null;
        }
        JsonNode argument = json.get(name);
        return "!" + name.replace("Fn::", "") + " " + (argument.isTextual() ? argument.asText() : argument.toString());
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "nothing";
            case BINARY -> "binary data";
        };
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
        return at() + " " + kind(json).toLowerCase(Locale.ROOT);
    }
}

package dev.keysmith.modeler.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * CloudFormation intrinsic functions kept as text on import ({@code !Ref TableNameParam}, {@code !GetAtt
 * ["Topic","Arn"]}) turned back into functions on export: the JSON long form ({@code {"Ref": "TableNameParam"}},
 * {@code {"Fn::GetAtt": ["Topic", "Arn"]}}) or YAML short-form tags. Only CloudFormation's function names are
 * recognised, so other text starting with {@code !} stays text.
 */
final class Intrinsics {

    private static final Set<String> FUNCTIONS = Set.of(
            "Ref",
            "Condition",
            "Base64",
            "Cidr",
            "FindInMap",
            "GetAtt",
            "GetAZs",
            "ImportValue",
            "Join",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "If",
            "Equals",
            "Not",
            "And",
            "Or",
            "ToJsonString",
            "Length");
    private static final Pattern TEXT = Pattern.compile("!([A-Za-z]+) (.*)", Pattern.DOTALL);
    private static final String PLACEHOLDER = "__keysmith_intrinsic_%d__";

    private Intrinsics() {}

    private record Call(String name, JsonNode argument) {}

    private static Optional<Call> call(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(node.asText());
        if (!m.matches() || !FUNCTIONS.contains(m.group(1))) {
            return Optional.empty();
        }
        String argument = m.group(2);
        JsonNode parsed = TextNode.valueOf(argument);
        if (argument.startsWith("[") || argument.startsWith("{")) {
            try {
                parsed = Trees.JSON.readTree(argument);
            } catch (JsonProcessingException e) {
                parsed = TextNode.valueOf(argument);
            }
        }
        return Optional.of(new Call(m.group(1), parsed));
    }

    /** A copy of {@code tree} with intrinsic texts as long-form objects. */
    static JsonNode toLongForm(JsonNode tree) {
        return map(
                tree,
                node -> call(node)
                        .<JsonNode>map(c -> {
                            ObjectNode function = Trees.object();
                            boolean plain = c.name().equals("Ref") || c.name().equals("Condition");
                            function.set(plain ? c.name() : "Fn::" + c.name(), c.argument());
                            return function;
                        })
                        .orElse(null));
    }

    /** {@code tree} as YAML with intrinsic texts as short-form tags. */
    static String toYaml(JsonNode tree) {
        List<String> replacements = new ArrayList<>();
        JsonNode marked = map(
                tree,
                node -> call(node)
                        .<JsonNode>map(c -> {
                            String argument = c.argument().isTextual()
                                    ? quoted(c.argument().asText())
                                    : c.argument().toString();
                            replacements.add("!" + c.name() + " " + argument);
                            return TextNode.valueOf(PLACEHOLDER.formatted(replacements.size() - 1));
                        })
                        .orElse(null));
        String yaml = Trees.writeYaml(marked);
        for (int i = 0; i < replacements.size(); i++) {
            yaml = yaml.replace("\"" + PLACEHOLDER.formatted(i) + "\"", replacements.get(i));
        }
        return yaml;
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString(); // JSON string syntax is valid YAML double-quoted syntax
    }

    private interface Replacement {
        /** The node to use instead, or null to keep (and descend into) this one. */
        @Nullable
        JsonNode replace(JsonNode node);
    }

    private static JsonNode map(JsonNode node, Replacement replacement) {
        JsonNode replaced = replacement.replace(node);
        if (replaced != null) {
            return replaced;
        }
        if (node.isObject()) {
            ObjectNode copy = Trees.object();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), map(field.getValue(), replacement));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Trees.array();
            node.forEach(element -> copy.add(map(element, replacement)));
            return copy;
        }
        return node;
    }
}

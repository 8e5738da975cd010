package dev.keysmith.modeler.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.keysmith.modeler.template.TemplatePart.Literal;
import dev.keysmith.modeler.template.TemplatePart.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key template: fixed text with named variables, such as {@code USER#{userId}}, {@code ORDER#{orderDate}#{orderId}},
 * a constant {@code PROFILE} or a single variable {@code {userId}}.
 *
 * <p>Syntax: {@code {name}} is a variable (any characters except braces, at least one); everything else is literal text.
 * Two variables must be separated by literal text ({@code {a}{b}} is rejected), otherwise a key could not be split back
 * into values. A variable may appear more than once; {@link #match} then requires the same value each time.
 *
 * <p>Matching rules ({@link #match}): a variable matches at least one character. Each variable stops at the first
 * occurrence of the literal that follows it for which the rest of the key still matches (shortest match, so with
 * {@code {a}#{b}} the key {@code x#y#z} gives {@code a=x, b=y#z}); the last variable, when the template ends with a
 * variable, takes the rest of the key. Consequently {@code match(render(values))} returns {@code values} whenever no
 * value contains the text of a literal of the template.
 */
public final class KeyTemplate {

    private final String text;
    private final List<TemplatePart> parts;
    private final Pattern pattern;

    private KeyTemplate(String text, List<TemplatePart> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
        this.pattern = toPattern(this.parts);
    }

    /**
     * Parses a template.
     *
     * @throws TemplateSyntaxException for an empty template, an unclosed or empty {@code {}}, a stray {@code }}, or two
     *     adjacent variables
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KeyTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new TemplateSyntaxException(text, 0, "a key template cannot be empty");
        }
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new TemplateSyntaxException(text, i, "'}' without a matching '{'");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 1);
            int nextOpen = text.indexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw new TemplateSyntaxException(text, i, "'{' is not closed by '}'");
            }
            if (close == i + 1) {
                throw new TemplateSyntaxException(text, i, "a variable needs a name between '{' and '}'");
            }
            if (literal.isEmpty() && !parts.isEmpty() && parts.getLast() instanceof Variable previous) {
                throw new TemplateSyntaxException(
                        text,
                        i,
                        "variables {" + previous.name() + "} and {" + text.substring(i + 1, close)
                                + "} need literal text between them, otherwise a key cannot be split back into values");
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(new Variable(text.substring(i + 1, close)));
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new KeyTemplate(text, parts);
    }

    /** The template {@code {name}}: the whole key is one variable. */
    public static KeyTemplate variable(String name) {
        return parse("{" + name + "}");
    }

    /** The template text, as given to {@link #parse}. */
    @JsonValue
    public String text() {
        return text;
    }

    /** Literals and variables in order; never two variables in a row. */
    public List<TemplatePart> parts() {
        return parts;
    }

    /** Variable names in order of first appearance, without duplicates. */
    public List<String> variables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (TemplatePart part : parts) {
            if (part instanceof Variable(String name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** True when the template has no variable, so every item gets the same key value. */
    public boolean isConstant() {
        return parts.stream().noneMatch(Variable.class::isInstance);
    }

    /**
     * The fixed text every rendered key starts with (the literal before the first variable; the whole text for a
     * constant; empty when the template starts with a variable). Suitable for {@code begins_with}.
     */
    public String literalPrefix() {
        return parts.getFirst() instanceof Literal(String literal) ? literal : "";
    }

    /**
     * Renders a key.
     *
     * @throws MissingVariableException naming every variable that has no value
     */
    public String render(Map<String, String> values) {
        StringBuilder key = new StringBuilder();
        List<String> missing = new ArrayList<>();
        for (TemplatePart part : parts) {
            switch (part) {
                case Literal(String literal) -> key.append(literal);
                case Variable(String name) -> {
                    String value = values.get(name);
                    if (value == null) {
                        if (!missing.contains(name)) {
                            missing.add(name);
                        }
                    } else {
                        key.append(value);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingVariableException(text, missing);
        }
        return key.toString();
    }

    /**
     * Parses a key back into variable values following the rules in the class comment; empty when the key does not
     * fit the template (or a repeated variable would need two different values).
     */
    public Optional<Map<String, String>> match(String key) {
        Matcher matcher = pattern.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        int group = 0;
        for (TemplatePart part : parts) {
            if (part instanceof Variable(String name)) {
                String value = matcher.group(++group);
                String earlier = values.putIfAbsent(name, value);
                if (earlier != null && !earlier.equals(value)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(values);
    }

    /** True when some values for the two templates render the same key (see {@link #collisionExample}). */
    public boolean canCollideWith(KeyTemplate other) {
        return collisionExample(other).isPresent();
    }

    /**
     * A key both templates can render, if one exists. Exact: variables range over all non-empty strings, and the search
     * is a breadth-first walk of the product of the two templates' automata, so the example is a shortest one.
     */
    public Optional<String> collisionExample(KeyTemplate other) {
        return TemplateAutomaton.of(this).intersection(TemplateAutomaton.of(other));
    }

    private static Pattern toPattern(List<TemplatePart> parts) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            switch (parts.get(i)) {
                case Literal(String literal) -> regex.append(Pattern.quote(literal));
                case Variable _ -> regex.append(i == parts.size() - 1 ? "(.+)" : "(.+?)");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyTemplate other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}

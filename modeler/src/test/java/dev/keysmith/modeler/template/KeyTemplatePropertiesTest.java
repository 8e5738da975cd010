package dev.keysmith.modeler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of key templates. Literals are drawn from {@code #:_A-D} and variable values from {@code a-d0-9}, so a
 * value never contains literal text (the condition under which rendering is reversible).
 */
class KeyTemplatePropertiesTest {

    private static final String LITERAL_CHARS = "#:_ABCD";
    private static final String VALUE_CHARS = "abcd0123";

    @Provide
    Arbitrary<KeyTemplate> templates() {
        Arbitrary<String> literal =
                Arbitraries.strings().withChars(LITERAL_CHARS).ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> variable = Arbitraries.of("a", "b", "c", "d").map(n -> "{" + n + "}");
        return Combinators.combine(
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.of(true, false),
                        literal.list().ofSize(6),
                        variable.list().ofSize(6))
                .as((count, startWithVariable, literals, variables) -> {
                    StringBuilder text = new StringBuilder();
                    boolean variableTurn = startWithVariable;
                    for (int i = 0; i < count; i++) {
                        text.append(variableTurn ? variables.get(i) : literals.get(i));
                        variableTurn = !variableTurn;
                    }
                    return KeyTemplate.parse(text.toString());
                });
    }

    @Provide
    Arbitrary<Map<String, String>> values() {
        Arbitrary<String> value =
                Arbitraries.strings().withChars(VALUE_CHARS).ofMinLength(1).ofMaxLength(4);
        return Combinators.combine(value, value, value, value)
                .as((a, b, c, d) -> Map.of("a", a, "b", b, "c", c, "d", d));
    }

    @Property
    void match_of_render_gives_back_the_values(
            @ForAll("templates") KeyTemplate template, @ForAll("values") Map<String, String> values) {
        Map<String, String> used = new HashMap<>();
        template.variables().forEach(v -> used.put(v, values.get(v)));
        assertEquals(Optional.of(used), template.match(template.render(values)));
    }

    @Property
    void render_of_match_gives_back_the_key(
            @ForAll("templates") KeyTemplate template, @ForAll("values") Map<String, String> values) {
        String key = template.render(values);
        Map<String, String> matched = template.match(key).orElseThrow();
        assertEquals(key, template.render(matched));
    }

    @Property
    void every_rendered_key_starts_with_the_literal_prefix(
            @ForAll("templates") KeyTemplate template, @ForAll("values") Map<String, String> values) {
        assertTrue(template.render(values).startsWith(template.literalPrefix()));
    }

    @Property
    void templates_that_render_the_same_key_are_reported_as_colliding(
            @ForAll("templates") KeyTemplate a,
            @ForAll("templates") KeyTemplate b,
            @ForAll("values") Map<String, String> valuesA,
            @ForAll("values") Map<String, String> valuesB) {
        if (a.render(valuesA).equals(b.render(valuesB))) {
            assertTrue(a.canCollideWith(b));
        }
    }

    @Property
    void a_template_generalising_a_rendered_key_collides_with_the_original(
            @ForAll("templates") KeyTemplate a,
            @ForAll("values") Map<String, String> values,
            @ForAll @Size(min = 1, max = 12) List<Boolean> mask) {
        String key = a.render(values);
        StringBuilder text = new StringBuilder();
        boolean inVariable = false;
        int variables = 0;
        for (int i = 0; i < key.length(); i++) {
            boolean hide = mask.get(i % mask.size());
            if (hide && !inVariable) {
                text.append("{v").append(variables++).append('}');
            } else if (!hide) {
                text.append(key.charAt(i));
            }
            inVariable = hide;
        }
        KeyTemplate b = KeyTemplate.parse(text.toString());
        assertTrue(a.canCollideWith(b), () -> a + " vs " + b + " both render " + key);
    }

    @Property
    void a_reported_collision_example_is_a_key_of_both_templates(
            @ForAll("templates") KeyTemplate a, @ForAll("templates") KeyTemplate b) {
        Optional<String> example = a.collisionExample(b);
        assertEquals(example.isPresent(), b.canCollideWith(a), "collision is symmetric");
        example.ifPresent(key -> {
            assertTrue(language(a).matcher(key).matches(), () -> a + " cannot render " + key);
            assertTrue(language(b).matcher(key).matches(), () -> b + " cannot render " + key);
        });
    }

    @Property
    void a_template_collides_with_itself(@ForAll("templates") KeyTemplate a) {
        assertTrue(a.canCollideWith(a));
    }

    /** Every key a template can render (each variable: any non-empty text), as an independent regex. */
    private static Pattern language(KeyTemplate template) {
        List<String> pieces = new ArrayList<>();
        for (TemplatePart part : template.parts()) {
            pieces.add(
                    switch (part) {
                        case TemplatePart.Literal(String text) -> Pattern.quote(text);
                        case TemplatePart.Variable _ -> ".+";
                    });
        }
        return Pattern.compile(String.join("", pieces), Pattern.DOTALL);
    }
}

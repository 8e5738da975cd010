package dev.keysmith.modeler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyTemplateTest {

    @Test
    void parse_splits_literals_and_variables() {
        KeyTemplate t = KeyTemplate.parse("ORDER#{orderDate}#{orderId}");
        assertEquals(
                List.of(
                        new TemplatePart.Literal("ORDER#"),
                        new TemplatePart.Variable("orderDate"),
                        new TemplatePart.Literal("#"),
                        new TemplatePart.Variable("orderId")),
                t.parts());
        assertEquals(List.of("orderDate", "orderId"), t.variables());
        assertEquals("ORDER#", t.literalPrefix());
    }

    @Test
    void a_constant_has_no_variables_and_is_its_own_prefix() {
        KeyTemplate t = KeyTemplate.parse("PROFILE");
        assertTrue(t.isConstant());
        assertEquals(List.of(), t.variables());
        assertEquals("PROFILE", t.literalPrefix());
        assertEquals("PROFILE", t.render(Map.of()));
        assertEquals(Optional.of(Map.of()), t.match("PROFILE"));
        assertEquals(Optional.empty(), t.match("PROFILE2"));
    }

    @Test
    void a_single_variable_template_takes_the_whole_key() {
        KeyTemplate t = KeyTemplate.parse("{userId}");
        assertEquals("", t.literalPrefix());
        assertEquals(Optional.of(Map.of("userId", "u#1#2")), t.match("u#1#2"));
        assertEquals(Optional.empty(), t.match(""));
    }

    @Test
    void render_fills_variables() {
        assertEquals("USER#42", KeyTemplate.parse("USER#{userId}").render(Map.of("userId", "42")));
    }

    @Test
    void render_names_every_missing_variable() {
        MissingVariableException e = assertThrows(
                MissingVariableException.class,
                () -> KeyTemplate.parse("ORDER#{orderDate}#{orderId}").render(Map.of()));
        assertEquals(List.of("orderDate", "orderId"), e.missing());
        assertEquals(
                "Key template \"ORDER#{orderDate}#{orderId}\" needs a value for orderDate, orderId", e.getMessage());
    }

    @Test
    void match_stops_a_variable_at_the_next_literal_and_gives_the_rest_to_the_last() {
        KeyTemplate t = KeyTemplate.parse("{a}#{b}");
        assertEquals(Optional.of(Map.of("a", "x", "b", "y#z")), t.match("x#y#z"));
    }

    @Test
    void match_extends_a_variable_when_the_first_literal_occurrence_cannot_complete_the_key() {
        KeyTemplate t = KeyTemplate.parse("{a}#X");
        assertEquals(Optional.of(Map.of("a", "p#q")), t.match("p#q#X"));
    }

    @Test
    void match_rejects_keys_with_another_prefix_or_an_empty_variable() {
        KeyTemplate t = KeyTemplate.parse("USER#{userId}");
        assertEquals(Optional.empty(), t.match("ORDER#1"));
        assertEquals(Optional.empty(), t.match("USER#"));
    }

    @Test
    void a_repeated_variable_must_have_the_same_value() {
        KeyTemplate t = KeyTemplate.parse("{id}#COPY#{id}");
        assertEquals(Optional.of(Map.of("id", "7")), t.match("7#COPY#7"));
        assertEquals(Optional.empty(), t.match("7#COPY#8"));
        assertEquals(List.of("id"), t.variables());
    }

    @Test
    void parse_rejects_malformed_templates_with_the_offset() {
        assertEquals(
                6,
                assertThrows(TemplateSyntaxException.class, () -> KeyTemplate.parse("ORDER#{id"))
                        .offset());
        assertThrows(TemplateSyntaxException.class, () -> KeyTemplate.parse(""));
        assertThrows(TemplateSyntaxException.class, () -> KeyTemplate.parse("A{}"));
        assertThrows(TemplateSyntaxException.class, () -> KeyTemplate.parse("A}"));
        assertThrows(TemplateSyntaxException.class, () -> KeyTemplate.parse("{a{b}"));
        TemplateSyntaxException adjacent =
                assertThrows(TemplateSyntaxException.class, () -> KeyTemplate.parse("{a}{b}"));
        assertTrue(adjacent.getMessage().contains("need literal text between them"), adjacent.getMessage());
    }

    @Test
    void collisions_between_overlapping_templates_are_found() {
        assertTrue(KeyTemplate.parse("USER#{id}").canCollideWith(KeyTemplate.parse("USER#{name}")));
        assertTrue(KeyTemplate.parse("{anything}").canCollideWith(KeyTemplate.parse("ORDER#{id}")));
        assertTrue(KeyTemplate.parse("USER#{id}").canCollideWith(KeyTemplate.parse("USER#ADMIN")));
        assertTrue(KeyTemplate.parse("A#{x}").canCollideWith(KeyTemplate.parse("{y}#B")));
        assertEquals(Optional.of("A#B"), KeyTemplate.parse("A#{x}").collisionExample(KeyTemplate.parse("{y}#B")));
    }

    @Test
    void templates_with_different_fixed_text_cannot_collide() {
        assertFalse(KeyTemplate.parse("USER#{id}").canCollideWith(KeyTemplate.parse("ORDER#{id}")));
        assertFalse(KeyTemplate.parse("PROFILE").canCollideWith(KeyTemplate.parse("PROFILES")));
        assertFalse(KeyTemplate.parse("A#{x}#B").canCollideWith(KeyTemplate.parse("C#{y}")));
        assertFalse(KeyTemplate.parse("{x}#B").canCollideWith(KeyTemplate.parse("{y}#C")));
        // a variable needs at least one character, so "USER#" alone is not a key of USER#{id}
        assertFalse(KeyTemplate.parse("USER#{id}").canCollideWith(KeyTemplate.parse("USER#")));
    }

    @Test
    void equality_and_json_form_are_the_template_text() {
        assertEquals(KeyTemplate.parse("USER#{id}"), KeyTemplate.parse("USER#{id}"));
        assertEquals("USER#{id}", KeyTemplate.parse("USER#{id}").toString());
    }
}

package dev.keysmith.modeler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateInferenceTest {

    private static String infer(String hint, String... values) {
        return TemplateInference.infer(hint, List.of(values)).text();
    }

    @Test
    void upper_case_segments_shared_by_all_values_are_literals_and_the_rest_are_named_by_the_hint() {
        assertEquals("USER#{userId}", infer("userId", "USER#123", "USER#9"));
        assertEquals("SUB#{SubId}#SKU#{SKU}", infer("SubId#SKU", "SUB#123#SKU#999"));
    }

    @Test
    void values_of_different_shapes_keep_only_their_common_prefix() {
        assertEquals("VIN#{PK}", infer("PK", "VIN#A1#X", "VIN#B2"));
        assertEquals("{SK}", infer("SK", "#META#", "FEATURE#CAMERAS"));
    }

    @Test
    void without_values_the_hint_is_the_only_variable() {
        assertEquals("{AccountId}", infer("AccountId"));
    }

    @Test
    void the_variables_joined_with_hash_give_the_hint_back() {
        for (String hint : List.of("AccountId", "SubId#SKU", "ProcessedDate#SKU")) {
            KeyTemplate template = TemplateInference.infer(hint, List.of("REC#2023-05-28#SKU#999", "REC#x#SKU#1"));
            assertEquals(hint, String.join("#", template.variables()));
        }
    }

    @Test
    void braces_in_a_hint_do_not_break_the_template() {
        assertEquals("{id}", infer("{id}"));
        assertEquals("{value}", infer(""));
    }

    /** Names every variable after the word before it, recording what the namer was given. */
    private static String inferFromValues(List<String> calls, String... values) {
        return TemplateInference.infer(List.of(values), (word, slot) -> {
                    calls.add(word + "=" + slot);
                    return word.toLowerCase();
                })
                .text();
    }

    @Test
    void from_values_alone_agreed_upper_case_segments_are_literals_and_a_repeated_name_gets_a_number() {
        List<String> calls = new ArrayList<>();
        assertEquals("ORDER#{order}#{order2}", inferFromValues(calls, "ORDER#2024-01-02#77", "ORDER#2024-02-11#78"));
        assertEquals(List.of("ORDER=[2024-01-02, 2024-02-11]", "ORDER=[77, 78]"), calls);
    }

    @Test
    void from_values_alone_a_constant_stays_constant_and_a_plain_value_is_one_variable() {
        List<String> calls = new ArrayList<>();
        assertEquals("PROFILE", inferFromValues(calls, "PROFILE", "PROFILE"));
        assertEquals("{value}", inferFromValues(calls, "alice", "bob"));
        assertEquals(List.of("=[alice, bob]"), calls);
    }

    @Test
    void from_values_alone_a_leading_word_in_any_case_is_a_literal_but_a_lone_lower_case_value_is_not() {
        List<String> calls = new ArrayList<>();
        assertEquals("user#{user}", inferFromValues(calls, "user#1", "user#2"));
        assertEquals("GSI1#{gsi1}", inferFromValues(calls, "GSI1#a", "GSI1#b"));
        assertEquals("{value}", inferFromValues(calls, "profile", "profile"));
        assertEquals("{value}#{value2}", inferFromValues(calls, "x#y1", "x#y2", "1#y3"));
    }

    @Test
    void from_values_of_different_shapes_the_agreed_leading_words_stay_and_one_variable_takes_the_rest() {
        List<String> calls = new ArrayList<>();
        KeyTemplate template = TemplateInference.infer(List.of("FEATURE#A", "FEATURE#B#C"), (word, slot) -> {
            calls.add(word + "=" + slot);
            return "name";
        });
        assertEquals("FEATURE#{name}", template.text());
        assertEquals(List.of("FEATURE=[A, B#C]"), calls);
        assertEquals("B#C", template.match("FEATURE#B#C").orElseThrow().get("name"));
    }

    @Test
    void from_values_alone_needs_at_least_one_value() {
        assertThrows(IllegalArgumentException.class, () -> TemplateInference.infer(List.of(), (w, v) -> "x"));
    }
}

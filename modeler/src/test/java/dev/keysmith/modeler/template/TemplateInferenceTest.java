package dev.keysmith.modeler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

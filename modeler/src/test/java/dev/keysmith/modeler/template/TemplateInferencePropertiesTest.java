package dev.keysmith.modeler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link TemplateInference#infer(List, TemplateInference.VariableNamer)}. */
class TemplateInferencePropertiesTest {

    /** Key values of one to four non-empty {@code #}-separated segments: type words, ids, dates, mixed case. */
    @Provide
    Arbitrary<List<String>> keyValues() {
        Arbitrary<String> segment = Arbitraries.of("USER", "ORDER", "SKU", "1", "42", "2024-01-02", "ab", "Mx", "{x}");
        Arbitrary<String> value = segment.list().ofMinSize(1).ofMaxSize(4).map(segments -> String.join("#", segments));
        return value.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property
    void every_value_matches_the_inferred_template_and_renders_back(
            @ForAll("keyValues") List<String> values, @ForAll("names") String name) {
        KeyTemplate template = TemplateInference.infer(values, (word, slot) -> name);

        for (String value : values) {
            Map<String, String> variables = template.match(value)
                    .orElseThrow(() -> new AssertionError(template + " does not match " + value + " of " + values));
            assertEquals(value, template.render(variables));
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("id", "", "{a}", "x}y");
    }
}

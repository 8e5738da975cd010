package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How sample values of an attribute are generated: a kind such as {@code name.fullName}, {@code internet.emailAddress},
 * {@code date.iso8601}, {@code date.epoch}, {@code uuid}, {@code number.range}, {@code enum} or {@code lorem.words}
 * (or a NoSQL Workbench data-format name, kept verbatim), plus positional parameters.
 *
 * <p>Text form (see {@link #parse} and {@link #text()}): {@code kind} or {@code kind{p1,p2,...}}, e.g.
 * {@code number.range{1,100}}, {@code enum{NEW,PAID,SHIPPED}}, {@code lorem.words{5}}.
 */
public record GeneratorSpec(
        @JsonProperty("kind") String kind,
        @JsonProperty("params") List<String> params) {

    public GeneratorSpec {
        Objects.requireNonNull(kind, "kind");
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** Parses {@code kind} or {@code kind{p1,p2}}; parameters are trimmed. */
    public static GeneratorSpec parse(String text) {
        int open = text.indexOf('{');
        if (open < 0) {
            return new GeneratorSpec(text.trim(), List.of());
        }
        if (!text.endsWith("}")) {
            throw new IllegalArgumentException("Generator \"" + text + "\" opens '{' but does not end with '}'");
        }
        String inside = text.substring(open + 1, text.length() - 1);
        List<String> params = inside.isBlank()
                ? List.of()
                : Arrays.stream(inside.split(",")).map(String::trim).toList();
        return new GeneratorSpec(text.substring(0, open).trim(), params);
    }

    /** The text form accepted by {@link #parse}. */
    @JsonIgnore
    public String text() {
        return params.isEmpty() ? kind : kind + "{" + String.join(",", params) + "}";
    }

    /** True for an {@code enum} generator: a small fixed set of values. */
    @JsonIgnore
    public boolean isEnumeration() {
        return kind.equals("enum");
    }
}

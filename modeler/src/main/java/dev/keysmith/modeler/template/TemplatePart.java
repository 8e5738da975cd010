package dev.keysmith.modeler.template;

/** One piece of a {@link KeyTemplate}: fixed text or a named variable. */
public sealed interface TemplatePart {

    /** Fixed text, never empty. */
    record Literal(String text) implements TemplatePart {}

    /** A named placeholder written {@code {name}} in the template text. */
    record Variable(String name) implements TemplatePart {}
}

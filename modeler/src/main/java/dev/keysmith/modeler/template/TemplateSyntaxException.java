package dev.keysmith.modeler.template;

/** The template text is not well formed; the message names the problem and its character offset. */
public final class TemplateSyntaxException extends IllegalArgumentException {

    private final int offset;

    TemplateSyntaxException(String template, int offset, String problem) {
        super("Invalid key template \"" + template + "\" at offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Character offset of the problem in the template text. */
    public int offset() {
        return offset;
    }
}

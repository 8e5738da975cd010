package dev.keysmith.modeler.template;

import java.util.List;

/** {@link KeyTemplate#render} was called without a value for some of the template's variables. */
public final class MissingVariableException extends IllegalArgumentException {

    private final List<String> missing;

    MissingVariableException(String template, List<String> missing) {
        super("Key template \"" + template + "\" needs a value for " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    /** The variables that had no value, in template order. */
    public List<String> missing() {
        return missing;
    }
}

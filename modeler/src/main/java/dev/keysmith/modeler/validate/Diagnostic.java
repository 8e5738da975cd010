package dev.keysmith.modeler.validate;

import org.jspecify.annotations.Nullable;

/**
 * One finding of a model check.
 *
 * @param path where, e.g. {@code models[0].tables[Orders].gsis[GSI1]} or {@code models[0].patterns[AP3]}
 * @param ruleId the rule that found it, e.g. {@code index-unused}
 * @param suggestedFix what to change, or null
 */
public record Diagnostic(
        Severity severity,
        String path,
        String ruleId,
        String message,
        @Nullable String suggestedFix) {

    @Override
    public String toString() {
        return severity + " " + path + " [" + ruleId + "] " + message
                + (suggestedFix == null ? "" : " Fix: " + suggestedFix);
    }
}

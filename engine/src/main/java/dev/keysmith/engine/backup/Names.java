package dev.keysmith.engine.backup;

import dev.keysmith.engine.error.Errors;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The name constraints of backups and tables (3-255 characters of {@code [a-zA-Z0-9_.-]}), in DynamoDB's words. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private Names() {}

    static String check(@Nullable String value, String member) {
        String rule;
        if (value == null) {
            rule = "Member must not be null";
        } else if (value.length() < 3) {
            rule = "Member must have length greater than or equal to 3";
        } else if (value.length() > 255) {
            rule = "Member must have length less than or equal to 255";
        } else if (!NAME.matcher(value).matches()) {
            rule = "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
        } else {
            return value;
        }
        String shown = value == null ? "null" : "'" + value + "'";
        throw Errors.validation("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + rule);
    }
}

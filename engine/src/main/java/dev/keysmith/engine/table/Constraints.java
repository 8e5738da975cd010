package dev.keysmith.engine.table;

import dev.keysmith.engine.error.Errors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects the request-shape ("framework") constraint violations of one request and reports them the way DynamoDB
 * does: {@code N validation error(s) detected: Value 'v' at 'path' failed to satisfy constraint: rule}, at most ten,
 * joined by {@code "; "}. Paths are lower-camel-case with {@code .N.member} list segments (1-based).
 */
final class Constraints {
    static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final int MAX_REPORTED = 10;

    private final List<String> violations = new ArrayList<>();

    /** Records a violation unless {@code value} is non-null; returns whether the value is present. */
    boolean notNull(String path, @Nullable Object value) {
        if (value == null) {
            add(path, null, "Member must not be null");
            return false;
        }
        return true;
    }

    /** A table or index name: the name pattern (skipped for an empty name), then the length bounds. */
    void name(String path, @Nullable String value, int min, int max) {
        if (value == null) {
            return;
        }
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            add(path, value, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        length(path, value, min, max);
    }

    void length(String path, @Nullable String value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value.length() < min) {
            add(path, value, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            add(path, value, "Member must have length less than or equal to " + max);
        }
    }

    /** A list length; {@code rendered} is how DynamoDB prints the list in the message. */
    void size(String path, @Nullable Collection<?> value, String rendered, int min, int max) {
        if (value == null) {
            return;
        }
        if (value.size() < min) {
            add(path, rendered, "Member must have length greater than or equal to " + min);
        }
        if (value.size() > max) {
            add(path, rendered, "Member must have length less than or equal to " + max);
        }
    }

    /** An enum member, given as the raw string of the request; {@code allowed} in DynamoDB's message order. */
    void oneOf(String path, @Nullable String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, value, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
    }

    void atLeast(String path, @Nullable Number value, long min) {
        if (value != null && value.longValue() < min) {
            add(path, value.toString(), "Member must have value greater than or equal to " + min);
        }
    }

    void atMost(String path, @Nullable Number value, long max) {
        if (value != null && value.longValue() > max) {
            add(path, value.toString(), "Member must have value less than or equal to " + max);
        }
    }

    /** Throws the aggregated ValidationException if anything was recorded. */
    void check() {
        if (violations.isEmpty()) {
            return;
        }
        int n = violations.size();
        List<String> reported = violations.subList(0, Math.min(n, MAX_REPORTED));
        throw Errors.validation(
                n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", reported));
    }

    private void add(String path, @Nullable String value, String rule) {
        String shown = value == null ? "null" : "'" + value + "'";
        violations.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + rule);
    }

    static String member(String list, int index) {
        return list + "." + (index + 1) + ".member";
    }
}

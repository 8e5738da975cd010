package dev.keysmith.engine.expr;

import dev.keysmith.engine.error.Errors;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all of its expressions, with
 * the record of which placeholders the expressions used.
 */
public final class ExpressionContext {
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    /**
     * One per request. names/values may be null. Validates their keys' syntax and emptiness with DynamoDB's messages
     * ("ExpressionAttributeNames must not be empty", "ExpressionAttributeNames contains invalid key: Syntax error;
     * key: \"x\"", the same for Values).
     */
    public ExpressionContext(@Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
        this.names = checkKeys("ExpressionAttributeNames", names, NAME_KEY);
        this.values = checkKeys("ExpressionAttributeValues", values, VALUE_KEY);
    }

    private static <V> Map<String, V> checkKeys(String param, @Nullable Map<String, V> map, Pattern keySyntax) {
        if (map == null) {
            return Map.of();
        }
        if (map.isEmpty()) {
            throw Errors.validation(param + " must not be empty");
        }
        for (String key : map.keySet()) {
            if (key == null || !keySyntax.matcher(key).matches()) {
                throw Errors.validation(param + " contains invalid key: Syntax error; key: \"" + key + "\"");
            }
        }
        return map;
    }

    /** The attribute name for a {@code #name} placeholder, marking it used; null if it is not defined. */
    public @Nullable String name(String ref) {
        String name = names.get(ref);
        if (name != null) {
            usedNames.add(ref);
        }
        return name;
    }

    /** The value for a {@code :value} placeholder, marking it used; null if it is not defined. */
    public @Nullable AttributeValue value(String ref) {
        AttributeValue value = values.get(ref);
        if (value != null) {
            usedValues.add(ref);
        }
        return value;
    }

    /**
     * After all of a request's expressions are parsed: throws "Value provided in ExpressionAttributeNames unused in
     * expressions: keys: {#a, #b}" / the Values form, exactly as DynamoDB.
     */
    public void checkAllUsed() {
        checkUsed("ExpressionAttributeNames", names.keySet(), usedNames);
        checkUsed("ExpressionAttributeValues", values.keySet(), usedValues);
    }

    private static void checkUsed(String param, Set<String> defined, Set<String> used) {
        var unused = new LinkedHashSet<>(defined);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw Errors.validation(
                    "Value provided in " + param + " unused in expressions: keys: {" + String.join(", ", unused) + "}");
        }
    }
}

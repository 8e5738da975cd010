package dev.keysmith.engine.differential;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When two outcome texts count as agreeing. Error messages are compared in full except:
 *
 * <ul>
 *   <li>texts where DynamoDB Local uses its own wording, not DynamoDB's: then only the error codes are compared;
 *   <li>an update that fails at run time inside TransactWriteItems: DynamoDB reports it as a {@code ValidationError}
 *       cancellation reason of a {@code TransactionCanceledException}; DynamoDB Local throws a plain
 *       {@code ValidationException}. Only "both failed" is compared.
 * </ul>
 */
final class Messages {
    private Messages() {}

    /** DynamoDB Local names the wrong pair of paths in overlap errors; only the first part of the text is compared. */
    private static final Pattern OVERLAP_PATHS = Pattern.compile("(Two document paths overlap with each other; "
            + "must remove or rewrite one of these paths); path one: [^⟩]*");

    /**
     * Texts of DynamoDB Local's own: DynamoDB says "Type mismatch for Index Key lsk Expected: S Actual: N IndexName:
     * lsi" where DynamoDB Local stops after "Index Key" (or says "Invalid attribute value type" for an update), and
     * DynamoDB Local shows a binary operand as {@code java.nio.HeapByteBuffer[...]}, and DynamoDB Local says "DynamoDB
     * only supports precision up to 38 digits" where DynamoDB says "Attempting to store more than 38 significant digits
     * in a Number" (the reference, section 7.3).
     */
    private static final List<String> LOCAL_WORDING = List.of(
            "⟨Invalid attribute value type⟩",
            "Type mismatch for Index Key⟩",
            "java.nio.HeapByteBuffer",
            "DynamoDB only supports precision up to 38 digits");

    /**
     * With several ADD/DELETE clauses of the wrong operand type, DynamoDB Local names the last one and Keysmith the
     * first; which one DynamoDB names is not documented, so neither operator nor type is compared.
     */
    private static final Pattern OPERAND_TYPE = Pattern.compile(
            "(Incorrect operand type for operator or function); operator: (ADD|DELETE), operand type: \\w+, typeSet: \\w+");

    /** The update failures DynamoDB reports as a ValidationError cancellation reason in a transaction. */
    private static final List<String> RUNTIME_UPDATE_ERRORS = List.of(
            "The document path provided in the update expression is invalid for update",
            "An operand in the update expression has an incorrect data type",
            "The provided expression refers to an attribute that does not exist in the item",
            "Type mismatch for attribute to update");

    /**
     * Keysmith rejects an update of a key attribute before it evaluates the condition; DynamoDB Local evaluates the
     * condition first (see {@link KnownDifferencesTest}). Which comes first in DynamoDB is not documented, so only
     * "both failed" is compared.
     */
    private static final String KEY_UPDATE = "This attribute is part of the key";

    /**
     * DynamoDB rejects a transaction with two actions on one item up front with this ValidationException; DynamoDB
     * Local evaluates the conditions first and may answer with their cancellation instead.
     */
    private static final String SAME_ITEM_TWICE = "Transaction request cannot include multiple operations on one item";

    private static final String CANCELLED = "ERROR TransactionCanceledException";
    private static final Pattern OTHER_REASONS = Pattern.compile("(None|ConditionalCheckFailed):⟨…⟩");

    private static final Pattern MESSAGE = Pattern.compile("⟨[^⟩]*⟩");

    /** An error message as it goes into an outcome text, with DynamoDB Local's own deviations normalised. */
    static String comparable(@Nullable String code, @Nullable String message) {
        if (message == null) {
            return "⟨null⟩";
        }
        String text = message;
        if ("ConditionalCheckFailed".equals(code) && text.endsWith(".")) {
            // DynamoDB's cancellation reason ends with a period (reference 7.2), DynamoDB Local's does not.
            text = text.substring(0, text.length() - 1);
        }
        return "⟨" + OVERLAP_PATHS.matcher(text).replaceAll("$1") + "⟩";
    }

    static boolean agree(String expected, String actual) {
        String local = expected;
        String keysmith = actual;
        if (LOCAL_WORDING.stream().anyMatch(local::contains)) {
            local = withoutMessages(local);
            keysmith = withoutMessages(keysmith);
        }
        if (local.equals(keysmith)) {
            return true;
        }
        if ((keysmith.contains(KEY_UPDATE) || keysmith.contains(SAME_ITEM_TWICE)) && local.startsWith("ERROR")) {
            return true;
        }
        if (local.startsWith(CANCELLED) && keysmith.startsWith(CANCELLED) && local.contains("ValidationError:")) {
            // DynamoDB Local goes on evaluating the conditions after a ValidationError, Keysmith reports None there
            return OTHER_REASONS
                    .matcher(withoutMessages(local))
                    .replaceAll("?")
                    .equals(OTHER_REASONS.matcher(withoutMessages(keysmith)).replaceAll("?"));
        }
        if (local.startsWith("ERROR ValidationException")
                && keysmith.startsWith(CANCELLED)
                && keysmith.contains("ValidationError:")) {
            return true; // DynamoDB Local throws some transaction validation errors outside the cancellation
        }
        if (local.startsWith("ERROR ValidationException")
                && keysmith.startsWith("ERROR ValidationException")
                && RUNTIME_UPDATE_ERRORS.stream().anyMatch(local::contains)
                && RUNTIME_UPDATE_ERRORS.stream().anyMatch(keysmith::contains)) {
            return true; // two failing update actions: which one is reported first is not documented
        }
        if (OPERAND_TYPE.matcher(local).find()) {
            return OPERAND_TYPE
                    .matcher(local)
                    .replaceAll("$1")
                    .equals(OPERAND_TYPE.matcher(keysmith).replaceAll("$1"));
        }
        return local.startsWith("ERROR ValidationException")
                && RUNTIME_UPDATE_ERRORS.stream().anyMatch(local::contains)
                && keysmith.startsWith("ERROR TransactionCanceledException");
    }

    private static String withoutMessages(String outcome) {
        return MESSAGE.matcher(outcome).replaceAll("⟨…⟩");
    }
}

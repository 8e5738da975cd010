package dev.keysmith.modeler.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses a key template from example key values and a hint naming the variables (a NoSQL Workbench key alias such as
 * {@code AccountId} or {@code SubId#SKU}).
 *
 * <p>Rules, with {@code #} as the delimiter:
 *
 * <ol>
 *   <li>The hint's {@code #}-separated parts name the variables ({@code SubId#SKU} gives {@code SubId}, {@code SKU}).
 *   <li>If every value has the same number of {@code #}-separated segments, a segment position is a literal when all
 *       values agree on it and it is empty or an upper-case word ({@code [A-Z_]+}); every other position is a variable.
 *       When the number of variable positions equals the number of names, the template is built from those: {@code
 *       SUB#123#SKU#999} with {@code SubId#SKU} gives {@code SUB#{SubId}#SKU#{SKU}}.
 *   <li>Otherwise the template is the values' longest common prefix, cut after its last {@code #}, followed by one
 *       variable named by the whole hint: {@code VIN#A1}, {@code VIN#B2} with {@code PK} gives {@code VIN#{PK}}; with no
 *       common prefix, just {@code {PK}}.
 * </ol>
 *
 * Joining the variables of the result with {@code #} gives the hint back, so the alias survives a round trip.
 */
public final class TemplateInference {

    private static final Pattern UPPER_WORD = Pattern.compile("[A-Z_]*");

    private TemplateInference() {}

    public static KeyTemplate infer(String hint, List<String> values) {
        String safeHint = hint.replace("{", "").replace("}", "");
        if (safeHint.isEmpty()) {
            safeHint = "value";
        }
        List<String> names = Arrays.stream(safeHint.split("#", -1)).toList();
        if (!values.isEmpty() && names.stream().noneMatch(String::isEmpty)) {
            String bySegments = bySegments(names, values);
            if (bySegments != null) {
                return KeyTemplate.parse(bySegments);
            }
        }
        String prefix = commonPrefix(values);
        int cut = prefix.lastIndexOf('#');
        String literal = cut < 0 ? "" : prefix.substring(0, cut + 1);
        return KeyTemplate.parse(literal.replace("{", "").replace("}", "") + "{" + safeHint + "}");
    }

    /** Template text from segment analysis, or null when the segments do not fit the names. */
    private static String bySegments(List<String> names, List<String> values) {
        List<String[]> split = values.stream().map(v -> v.split("#", -1)).toList();
        int count = split.getFirst().length;
        if (split.stream().anyMatch(s -> s.length != count)) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        int variable = 0;
        for (int i = 0; i < count; i++) {
            String first = split.getFirst()[i];
            int position = i;
            boolean literal =
                    UPPER_WORD.matcher(first).matches() && split.stream().allMatch(s -> s[position].equals(first));
            if (literal) {
                pieces.add(first);
            } else if (variable < names.size()) {
                pieces.add("{" + names.get(variable++) + "}");
            } else {
                return null;
            }
        }
        return variable == names.size() ? String.join("#", pieces) : null;
    }

    private static String commonPrefix(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        String prefix = values.getFirst();
        for (String value : values) {
            int n = 0;
            while (n < prefix.length() && n < value.length() && prefix.charAt(n) == value.charAt(n)) {
                n++;
            }
            prefix = prefix.substring(0, n);
        }
        return prefix;
    }
}

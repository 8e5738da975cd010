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
 *
 * <p>{@link #infer(List, VariableNamer)} works from the values alone (an import from a live table has no alias) and
 * lets the caller name each variable from the text it stands for.
 */
public final class TemplateInference {

    private static final Pattern UPPER_WORD = Pattern.compile("[A-Z_]*");
    /** A leading type word of a composite key in any case: {@code user} in {@code user#123}, {@code GSI1}. */
    private static final Pattern LEADING_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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

    /** Names one variable of a template inferred from values alone. */
    @FunctionalInterface
    public interface VariableNamer {
        /**
         * The variable's name.
         *
         * @param word the nearest literal word before the variable ({@code ORDER} for both variables of {@code
         *     ORDER#{..}#{..}}), or empty when none precedes it
         * @param values the text the variable stands for in each input value, in input order
         */
        String name(String word, List<String> values);
    }

    /**
     * Guesses a key template from example values alone, with {@code #} as the delimiter: when every value has the same
     * number of segments, a position is a literal when all values agree on it and it is empty or an upper-case word
     * ({@code [A-Z_]+}) or, as the first of several segments, a word in any case ({@code user} in {@code user#123}),
     * and a variable otherwise ({@code ORDER#2024-01-02#77}, {@code ORDER#2024-02-09#78} give
     * {@code ORDER#{..}#{..}}); otherwise the leading segments all values agree on that are such words stay literal and
     * one variable takes the rest. Each variable is named by {@code namer}; a name it returns twice gets a
     * number ({@code id}, {@code id2}), braces are dropped, and an empty name becomes {@code value}.
     *
     * <p>Every value matches the result unless the text a variable stands for is empty in it.
     *
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static KeyTemplate infer(List<String> values, VariableNamer namer) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a template needs at least one example value");
        }
        List<String[]> split = values.stream().map(v -> v.split("#", -1)).toList();
        int count = split.getFirst().length;
        List<String> pieces = new ArrayList<>();
        List<String> used = new ArrayList<>();
        String word = "";
        if (split.stream().allMatch(s -> s.length == count)) {
            for (int i = 0; i < count; i++) {
                int position = i;
                String first = split.getFirst()[i];
                if (isLiteral(split, position)) {
                    pieces.add(first);
                    word = first.isEmpty() ? word : first;
                } else {
                    List<String> slot = split.stream().map(s -> s[position]).toList();
                    pieces.add(variable(namer.name(word, slot), used));
                }
            }
            return KeyTemplate.parse(String.join("#", pieces));
        }
        int shortest = split.stream().mapToInt(s -> s.length).min().orElseThrow();
        int literals = 0;
        while (literals < shortest - 1 && isLiteral(split, literals)) {
            String segment = split.getFirst()[literals++];
            pieces.add(segment + "#");
            word = segment.isEmpty() ? word : segment;
        }
        int cut = String.join("", pieces).length();
        List<String> rest = values.stream().map(v -> v.substring(cut)).toList();
        pieces.add(variable(namer.name(word, rest), used));
        return KeyTemplate.parse(String.join("", pieces));
    }

    /**
     * True when all values agree on the segment and it is empty or an upper-case word, or, as the first of several
     * segments, a word in any case with digits ({@code user#123}, {@code GSI1#x}).
     */
    private static boolean isLiteral(List<String[]> split, int position) {
        String first = split.getFirst()[position];
        boolean word = UPPER_WORD.matcher(first).matches()
                || (position == 0
                        && split.stream().allMatch(s -> s.length > 1)
                        && LEADING_WORD.matcher(first).matches());
        return word && split.stream().allMatch(s -> s[position].equals(first));
    }

    /** {@code {name}} with a name not used yet in this template (a number is appended when needed). */
    private static String variable(String proposed, List<String> used) {
        String base = proposed.replace("{", "").replace("}", "");
        base = base.isEmpty() ? "value" : base;
        String name = base;
        for (int n = 2; used.contains(name); n++) {
            name = base + n;
        }
        used.add(name);
        return "{" + name + "}";
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

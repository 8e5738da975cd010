package dev.keysmith.modeler.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads attribute names out of the expression texts of access patterns. These are design notes, not executable
 * expressions, so the reading is forgiving: {@code #name} counts as {@code name}; values may be placeholders ({@code
 * :v}), template parameters ({@code {userId}}), quoted text or bare words on the right of a comparison. Only the left
 * operand of a comparison, {@code BETWEEN} or {@code IN}, and the first argument of a function are taken as attributes;
 * a document path counts as its top-level attribute.
 */
final class Expressions {

    /** How a key condition constrains an attribute. */
    enum Op {
        EQUALS,
        RANGE,
        BEGINS_WITH
    }

    record Clause(String attribute, Op op) {}

    private static final Pattern BEGINS = Pattern.compile("(?i)^begins_with\\s*\\(\\s*([^,\\s)]+)\\s*,");
    private static final Pattern COMPARISON = Pattern.compile("(?i)^([^\\s=<>()]+)\\s*(=|<=|>=|<|>|between\\b)");
    private static final Pattern SPLIT_AND = Pattern.compile("(?i)\\s+and\\s+");
    private static final Pattern LEFT_OPERAND =
            Pattern.compile("(?i)(#?[A-Za-z_][\\w.\\[\\]#-]*)\\s*(=|<>|<=|>=|<|>|\\bbetween\\b|\\bin\\b)");
    private static final Pattern FUNCTION_ARGUMENT =
            Pattern.compile("(?i)\\b(?:attribute_exists|attribute_not_exists|attribute_type|begins_with|contains|size)"
                    + "\\s*\\(\\s*(#?[A-Za-z_][\\w.\\[\\]#-]*)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "between", "in", "size");

    private Expressions() {}

    /** The clauses of a key condition; null when a clause cannot be read. */
    static @Nullable List<Clause> keyCondition(String text) {
        List<String> pieces = new ArrayList<>(List.of(SPLIT_AND.split(text.trim())));
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = unwrap(pieces.get(i));
            Matcher begins = BEGINS.matcher(piece);
            if (begins.find()) {
                clauses.add(new Clause(name(begins.group(1)), Op.BEGINS_WITH));
                continue;
            }
            Matcher comparison = COMPARISON.matcher(piece);
            if (!comparison.find()) {
                return null;
            }
            String op = comparison.group(2).toLowerCase(Locale.ROOT);
            if (op.equals("between")) {
                i++; // "x BETWEEN a AND b": the piece after AND is the upper bound
            }
            clauses.add(new Clause(name(comparison.group(1)), op.equals("=") ? Op.EQUALS : Op.RANGE));
        }
        return clauses;
    }

    /** Attribute names a filter or condition reads. */
    static Set<String> filterAttributes(String text) {
        String cleaned = text.replaceAll("'[^']*'|\"[^\"]*\"|\\{[^}]*}|:\\w+", " ");
        Set<String> names = new LinkedHashSet<>();
        for (Matcher m = FUNCTION_ARGUMENT.matcher(cleaned); m.find(); ) {
            names.add(name(m.group(1)));
        }
        for (Matcher m = LEFT_OPERAND.matcher(cleaned); m.find(); ) {
            String name = name(m.group(1));
            if (!KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** Top-level attribute names of a projection expression. */
    static Set<String> projectionAttributes(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                names.add(name(part.trim()));
            }
        }
        return names;
    }

    private static String unwrap(String piece) {
        String p = piece.trim();
        while (p.startsWith("(") && p.endsWith(")")) {
            p = p.substring(1, p.length() - 1).trim();
        }
        return p.startsWith("(") && !p.contains(")") ? p.substring(1).trim() : p;
    }

    /** {@code #a.b[0]} gives {@code a}. */
    private static String name(String path) {
        String p = path.startsWith("#") ? path.substring(1) : path;
        int end = p.length();
        for (char c : new char[] {'.', '['}) {
            int i = p.indexOf(c);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return p.substring(0, end);
    }
}

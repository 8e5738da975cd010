package dev.keysmith.modeler.engine;

import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.template.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An access pattern's key condition read as a template: {@code PK = USER#{userId} AND begins_with(SK, 'ORDER#')}.
 * Each clause constrains one attribute; a value is quoted text (literal), a {@code :name} placeholder (the variable
 * {@code name}) or a key template ({@code USER#{userId}}, or plain text).
 */
record KeyCondition(List<Clause> clauses) {

    enum Op {
        EQ("="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        BETWEEN("BETWEEN"),
        BEGINS_WITH("begins_with");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One clause: {@code attribute op values} (two values for BETWEEN, one otherwise). */
    record Clause(String attribute, Op op, List<KeyTemplate> values) {}

    private static final Pattern SPLIT_AND = Pattern.compile("(?i)\\s+and\\s+");
    private static final Pattern BEGINS =
            Pattern.compile("(?i)^begins_with\\s*\\(\\s*#?([^,\\s)]+)\\s*,\\s*(.+?)\\s*\\)$");
    private static final Pattern BETWEEN = Pattern.compile("(?i)^#?([^\\s=<>()]+)\\s+between\\s+(.+)$");
    private static final Pattern COMPARISON = Pattern.compile("^#?([^\\s=<>()]+)\\s*(<=|>=|=|<|>)\\s*(.+)$");

    /**
     * Parses the condition.
     *
     * @throws IllegalArgumentException naming the clause that is not a key-condition clause
     */
    static KeyCondition parse(String text) {
        String[] parts = SPLIT_AND.split(text.trim());
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = strip(parts[i].trim());
            Matcher m;
            if ((m = BEGINS.matcher(part)).matches()) {
                clauses.add(new Clause(m.group(1), Op.BEGINS_WITH, List.of(value(m.group(2)))));
            } else if ((m = BETWEEN.matcher(part)).matches()) {
                if (i + 1 >= parts.length) {
                    throw new IllegalArgumentException("BETWEEN without AND in key condition \"" + text + "\"");
                }
                String upper = strip(parts[++i].trim());
                clauses.add(new Clause(m.group(1), Op.BETWEEN, List.of(value(m.group(2)), value(upper))));
            } else if ((m = COMPARISON.matcher(part)).matches()) {
                Op op = switch (m.group(2)) {
                    case "=" -> Op.EQ;
                    case "<" -> Op.LT;
                    case "<=" -> Op.LE;
                    case ">" -> Op.GT;
                    default -> Op.GE;
                };
                clauses.add(new Clause(m.group(1), op, List.of(value(m.group(3)))));
            } else {
                throw new IllegalArgumentException(
                        "\"" + part + "\" in key condition \"" + text + "\" is not a key-condition clause");
            }
        }
        return new KeyCondition(clauses);
    }

    /** The rendered values of each clause, or the first variable that has no value. */
    List<List<String>> render(Map<String, String> variables) {
        List<List<String>> rendered = new ArrayList<>();
        for (Clause clause : clauses) {
            rendered.add(clause.values().stream().map(v -> v.render(variables)).toList());
        }
        return rendered;
    }

    private static String strip(String clause) {
        String c = clause;
        while (c.startsWith("(") && c.endsWith(")") && !c.toLowerCase().startsWith("begins_with")) {
            c = c.substring(1, c.length() - 1).trim();
        }
        return c;
    }

    private static KeyTemplate value(String raw) {
        String v = raw.trim();
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            String literal = v.substring(1, v.length() - 1);
            if (literal.isEmpty() || literal.contains("{") || literal.contains("}")) {
                return parseTemplate(literal.isEmpty() ? raw : literal);
            }
            return KeyTemplate.parse(literal);
        }
        if (v.startsWith(":") && v.length() > 1) {
            return KeyTemplate.variable(v.substring(1));
        }
        return parseTemplate(v);
    }

    private static KeyTemplate parseTemplate(String text) {
        try {
            return KeyTemplate.parse(text);
        } catch (TemplateSyntaxException e) {
            throw new IllegalArgumentException("value \"" + text + "\" is not a key template: " + e.getMessage(), e);
        }
    }
}

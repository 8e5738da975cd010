package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recomputes a formula string from the inputs written in it. A formula is a chain {@code e0 = e1 = ... = en} of
 * arithmetic expressions over numbers ("5,120"), {@code + - x /}, parentheses and {@code ceil floor max min} (arguments
 * separated by ";"); unit words, "$" and [bracketed notes] are ignored. Each segment that starts with a number must
 * start with the value of the segment before it, and the last segment is the stated result.
 */
final class FormulaCheck {
    private static final Pattern NOTE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern TOKEN = Pattern.compile(
            "\\d[\\d,]*(?:\\.\\d+)?|(?:ceil|floor|max|min)(?=\\()|x(?![A-Za-z])|[-+/();]|[A-Za-z$%][A-Za-z$%.]*");

    private final List<String> tokens;
    private int pos;

    private FormulaCheck(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Recomputes the formula and checks every step and the final value against {@code expected}. */
    static void assertConsistent(String formula, double expected) {
        double value = recompute(formula);
        assertClose(expected, value, "final value of '" + formula + "'");
    }

    /** The value of the last segment, after checking each segment's chaining. */
    static double recompute(String formula) {
        String[] segments = NOTE.matcher(formula).replaceAll(" ").split(" = ");
        double previous = Double.NaN;
        for (String segment : segments) {
            List<String> tokens = tokenize(segment);
            if (!Double.isNaN(previous)
                    && !tokens.isEmpty()
                    && Character.isDigit(tokens.getFirst().charAt(0))) {
                assertClose(previous, parseNumber(tokens.getFirst()), "step '" + segment + "' of '" + formula + "'");
            }
            FormulaCheck parser = new FormulaCheck(tokens);
            try {
                previous = parser.expression();
            } catch (RuntimeException e) {
                throw new AssertionError("cannot evaluate '" + segment + "' of '" + formula + "'", e);
            }
            assertEquals(tokens.size(), parser.pos, "unparsed tokens in '" + segment + "' of '" + formula + "'");
        }
        return previous;
    }

    static void assertClose(double expected, double actual, String what) {
        double tolerance = 1e-4 * Math.max(1, Math.abs(expected)) + 1e-6;
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " but was " + actual);
    }

    private static List<String> tokenize(String segment) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(segment);
        while (m.find()) {
            String t = m.group();
            boolean word = Character.isLetter(t.charAt(0)) || t.charAt(0) == '$' || t.charAt(0) == '%';
            if (!word || t.equals("x") || t.equals("ceil") || t.equals("floor") || t.equals("max") || t.equals("min")) {
                out.add(t);
            }
        }
        return out;
    }

    private static double parseNumber(String token) {
        return Double.parseDouble(token.replace(",", ""));
    }

    private double expression() {
        double value = term();
        while (pos < tokens.size() && (peek("+") || peek("-"))) {
            value = tokens.get(pos++).equals("+") ? value + term() : value - term();
        }
        return value;
    }

    private double term() {
        double value = factor();
        while (pos < tokens.size() && (peek("x") || peek("/"))) {
            value = tokens.get(pos++).equals("x") ? value * factor() : value / factor();
        }
        return value;
    }

    private double factor() {
        String t = tokens.get(pos++);
        switch (t) {
            case "-" -> {
                return -factor();
            }
            case "(" -> {
                double v = expression();
                expect(")");
                return v;
            }
            case "ceil", "floor", "max", "min" -> {
                expect("(");
                List<Double> args = new ArrayList<>();
                args.add(expression());
                while (peek(";")) {
                    pos++;
                    args.add(expression());
                }
                expect(")");
                return switch (t) {
                    case "ceil" -> Math.ceil(args.getFirst() - 1e-11);
                    case "floor" -> Math.floor(args.getFirst() + 1e-11);
                    case "max" ->
                        args.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    default ->
                        args.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                };
            }
            default -> {
                return parseNumber(t);
            }
        }
    }

    private boolean peek(String s) {
        return pos < tokens.size() && tokens.get(pos).equals(s);
    }

    private void expect(String s) {
        assertEquals(s, pos < tokens.size() ? tokens.get(pos) : "<end>", "expected " + s);
        pos++;
    }
}

package dev.keysmith.modeler.template;

import dev.keysmith.modeler.template.TemplatePart.Literal;
import dev.keysmith.modeler.template.TemplatePart.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The language of a key template as a small NFA: one state per consumed token, where a token is a literal character
 * or a variable (one character, then a self-loop for more). Used to decide whether two templates can render the same
 * key.
 */
final class TemplateAutomaton {

    /** A token: a fixed character, or {@code null} for "any character" (a variable). */
    private final List<Character> tokens;

    private TemplateAutomaton(List<Character> tokens) {
        this.tokens = tokens;
    }

    static TemplateAutomaton of(KeyTemplate template) {
        List<Character> tokens = new ArrayList<>();
        for (TemplatePart part : template.parts()) {
            switch (part) {
                case Literal(String literal) -> literal.chars().forEach(c -> tokens.add((char) c));
                case Variable _ -> tokens.add(null);
            }
        }
        return new TemplateAutomaton(tokens);
    }

    private int acceptState() {
        return tokens.size();
    }

    /** States reachable from {@code state} by reading {@code c}. */
    private List<Integer> step(int state, char c) {
        List<Integer> next = new ArrayList<>(2);
        if (state < tokens.size()) {
            Character token = tokens.get(state);
            if (token == null || token == c) {
                next.add(state + 1);
            }
        }
        if (state > 0 && tokens.get(state - 1) == null) {
            next.add(state); // still inside the variable that ends at this state
        }
        return next;
    }

    private TreeSet<Character> literalChars() {
        TreeSet<Character> chars = new TreeSet<>();
        for (Character token : tokens) {
            if (token != null) {
                chars.add(token);
            }
        }
        return chars;
    }

    /** Shortest string accepted by both automata, if any. */
    Optional<String> intersection(TemplateAutomaton other) {
        TreeSet<Character> alphabet = literalChars();
        alphabet.addAll(other.literalChars());
        alphabet.add(freshChar(alphabet));
        record Pair(int a, int b) {}
        record Step(Pair from, char c) {}
        Map<Pair, Step> parent = new HashMap<>();
        Pair start = new Pair(0, 0);
        parent.put(start, new Step(start, '\0'));
        ArrayDeque<Pair> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Pair pair = queue.removeFirst();
            if (pair.a() == acceptState() && pair.b() == other.acceptState()) {
                StringBuilder witness = new StringBuilder();
                for (Pair p = pair; !p.equals(start); p = parent.get(p).from()) {
                    witness.append(parent.get(p).c());
                }
                return Optional.of(witness.reverse().toString());
            }
            for (char c : alphabet) {
                for (int a : step(pair.a(), c)) {
                    for (int b : other.step(pair.b(), c)) {
                        Pair next = new Pair(a, b);
                        if (parent.putIfAbsent(next, new Step(pair, c)) == null) {
                            queue.addLast(next);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A character standing for "anything not written in either template". */
    private static char freshChar(TreeSet<Character> used) {
        for (char c : "x0aZ_~".toCharArray()) {
            if (!used.contains(c)) {
                return c;
            }
        }
        char c = 'A';
        while (used.contains(c)) {
            c++;
        }
        return c;
    }
}

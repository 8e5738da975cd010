package dev.keysmith.engine.expr.parse;

import dev.keysmith.engine.expr.ast.Comparator;
import dev.keysmith.engine.expr.ast.Syntax;
import dev.keysmith.engine.expr.lex.Lexer;
import dev.keysmith.engine.expr.lex.Token;
import dev.keysmith.engine.expr.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser for the four expression grammars. Syntax only: names, functions and placeholders are
 * checked later. A syntax error is reported at the furthest token any alternative reached, in DynamoDB's form
 * {@code Syntax error; token: "<t>", near: "<previous token> <t> <next token>"} (the source text from the start of
 * the previous token to the end of the next one).
 */
public final class Parser {
    private final String text;
    private final List<Token> tokens;
    private int pos;
    private int furthest;
    private boolean redundantParentheses;

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
    }

    public static Syntax.ConditionExpr parseCondition(String text) {
        var p = new Parser(text);
        return p.guarded(() -> {
            Syntax.Cond root = p.complete(p.or());
            return new Syntax.ConditionExpr(root, p.redundantParentheses);
        });
    }

    public static Syntax.UpdateExpr parseUpdate(String text) {
        var p = new Parser(text);
        return p.guarded(() -> p.complete(p.update()));
    }

    public static Syntax.ProjectionExpr parseProjection(String text) {
        var p = new Parser(text);
        return p.guarded(() -> {
            var paths = new ArrayList<Syntax.Path>();
            paths.add(p.path());
            while (p.accept(TokenKind.COMMA)) {
                paths.add(p.path());
            }
            return p.complete(new Syntax.ProjectionExpr(paths));
        });
    }

    private <T> T guarded(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (SyntaxFailure f) {
            throw syntaxError();
        }
    }

    // ---- conditions -------------------------------------------------------------------------------------------

    private Syntax.Cond or() {
        Syntax.Cond left = and();
        while (acceptKeyword("OR")) {
            left = new Syntax.Or(left, and());
        }
        return left;
    }

    private Syntax.Cond and() {
        Syntax.Cond left = not();
        while (acceptKeyword("AND")) {
            left = new Syntax.And(left, not());
        }
        return left;
    }

    private Syntax.Cond not() {
        int nots = 0;
        while (acceptKeyword("NOT")) {
            nots++;
        }
        Syntax.Cond result = group();
        for (int i = 0; i < nots; i++) {
            result = new Syntax.Not(result);
        }
        return result;
    }

    /**
     * A parenthesised condition or a predicate. Directly nested groups ("((...))") are read in one step rather than
     * by recursion, so that 4 KB of parentheses cannot exhaust the stack; two or more of them are redundant.
     */
    private Syntax.Cond group() {
        if (peek().kind() != TokenKind.LPAREN || !opensConditionGroup(pos)) {
            return predicate();
        }
        int levels = nestedLevels(pos);
        pos += levels;
        Syntax.Cond inner = or();
        for (int i = 0; i < levels; i++) {
            expect(TokenKind.RPAREN);
        }
        if (levels > 1) {
            redundantParentheses = true;
        }
        return inner;
    }

    /** How many "(" starting at {@code open} are directly nested, each closed right before the enclosing ")". */
    private int nestedLevels(int open) {
        int levels = 1;
        int close = matching(open);
        while (close > 0
                && tokens.get(open + levels).kind() == TokenKind.LPAREN
                && matching(open + levels) == close - 1) {
            close--;
            levels++;
        }
        return levels;
    }

    /**
     * A "(" opens a nested condition unless the token after its matching ")" continues a comparison, as in
     * {@code (a) = :v}. Deciding by lookahead (not by trying both readings) keeps parsing linear in the nesting.
     */
    private boolean opensConditionGroup(int open) {
        int close = matching(open);
        return close < 0 || !startsPredicateTail(tokens.get(close + 1));
    }

    /** The index of the ")" matching the "(" at {@code open}, or -1 if it is never closed. */
    private int matching(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.LPAREN) {
                depth++;
            } else if (k == TokenKind.RPAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsPredicateTail(Token t) {
        return comparator(t) != null || t.isKeyword("BETWEEN") || t.isKeyword("IN");
    }

    private Syntax.Cond predicate() {
        Syntax.Operand left = operand(false);
        Comparator op = comparator(peek());
        if (op != null) {
            pos++;
            return new Syntax.Compare(op, left, operand(false));
        }
        if (acceptKeyword("BETWEEN")) {
            Syntax.Operand lower = operand(false);
            expectKeyword("AND");
            return new Syntax.Between(left, lower, operand(false));
        }
        if (acceptKeyword("IN")) {
            expect(TokenKind.LPAREN);
            var candidates = new ArrayList<Syntax.Operand>();
            candidates.add(operand(false));
            while (accept(TokenKind.COMMA)) {
                candidates.add(operand(false));
            }
            expect(TokenKind.RPAREN);
            return new Syntax.In(left, candidates);
        }
        if (left instanceof Syntax.Call call) {
            return new Syntax.FunctionCond(call);
        }
        throw fail();
    }

    private static @Nullable Comparator comparator(Token t) {
        return switch (t.kind()) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            case GE -> Comparator.GE;
            default -> null;
        };
    }

    // ---- operands ---------------------------------------------------------------------------------------------

    /** An operand; {@code (operand)} is allowed, {@code ((operand))} is flagged redundant in conditions. */
    private Syntax.Operand operand(boolean update) {
        Token t = peek();
        if (t.kind() == TokenKind.LPAREN) {
            // Directly nested groups are read in one step (no recursion), as in group().
            int levels = nestedLevels(pos);
            pos += levels;
            Syntax.Operand inner = operand(update);
            for (int i = 0; i < levels; i++) {
                expect(TokenKind.RPAREN);
            }
            if (levels > 1 && !update) {
                redundantParentheses = true; // "((operand))"
            }
            return inner;
        }
        if (t.kind() == TokenKind.VALUE_REF) {
            pos++;
            return new Syntax.ValueRef(t.text());
        }
        if (t.kind() == TokenKind.NAME && peekAt(1).kind() == TokenKind.LPAREN) {
            pos += 2;
            var args = new ArrayList<Syntax.Operand>();
            args.add(operand(update));
            while (accept(TokenKind.COMMA)) {
                args.add(operand(update));
            }
            expect(TokenKind.RPAREN);
            return new Syntax.Call(t.text(), args);
        }
        return new Syntax.PathOperand(path());
    }

    private Syntax.Path path() {
        var elems = new ArrayList<Syntax.Elem>();
        elems.add(pathName());
        while (true) {
            if (accept(TokenKind.DOT)) {
                elems.add(pathName());
            } else if (accept(TokenKind.LBRACKET)) {
                Token n = expect(TokenKind.NUMBER);
                int index;
                try {
                    index = Integer.parseInt(n.text());
                } catch (NumberFormatException e) {
                    pos--;
                    throw fail();
                }
                expect(TokenKind.RBRACKET);
                elems.add(new Syntax.Index(index));
            } else {
                return new Syntax.Path(elems);
            }
        }
    }

    private Syntax.Elem pathName() {
        Token t = peek();
        if (t.kind() == TokenKind.NAME) {
            pos++;
            return new Syntax.Name(t.text());
        }
        if (t.kind() == TokenKind.NAME_REF) {
            pos++;
            return new Syntax.NameRef(t.text());
        }
        throw fail();
    }

    // ---- updates ----------------------------------------------------------------------------------------------

    private Syntax.UpdateExpr update() {
        var sections = new ArrayList<Syntax.Section>();
        do {
            sections.add(section());
        } while (peek().kind() == TokenKind.KEYWORD && isSectionKeyword(peek()));
        return new Syntax.UpdateExpr(sections);
    }

    private static boolean isSectionKeyword(Token t) {
        return t.isKeyword("SET") || t.isKeyword("REMOVE") || t.isKeyword("ADD") || t.isKeyword("DELETE");
    }

    private Syntax.Section section() {
        Token t = peek();
        if (!isSectionKeyword(t)) {
            throw fail();
        }
        pos++;
        String keyword = t.text().toUpperCase(Locale.ROOT);
        var actions = new ArrayList<Syntax.Action>();
        do {
            actions.add(action(keyword));
        } while (accept(TokenKind.COMMA));
        return new Syntax.Section(keyword, actions);
    }

    private Syntax.Action action(String keyword) {
        Syntax.Path path = path();
        return switch (keyword) {
            case "SET" -> {
                expect(TokenKind.EQ);
                yield new Syntax.SetAction(path, setValue());
            }
            case "REMOVE" -> new Syntax.RemoveAction(path);
            case "ADD" -> new Syntax.AddAction(path, valueRef());
            default -> new Syntax.DeleteAction(path, valueRef());
        };
    }

    private Syntax.ValueRef valueRef() {
        return new Syntax.ValueRef(expect(TokenKind.VALUE_REF).text());
    }

    /** {@code operand [(+|-) operand]}, optionally wrapped in one pair of parentheses. */
    private Syntax.Operand setValue() {
        if (peek().kind() == TokenKind.LPAREN) {
            int start = pos;
            try {
                pos++;
                Syntax.Operand inner = arithmetic();
                expect(TokenKind.RPAREN);
                TokenKind next = peek().kind();
                if (next != TokenKind.PLUS && next != TokenKind.MINUS) {
                    return inner;
                }
            } catch (SyntaxFailure ignored) {
                // "(a) + b": read it as an arithmetic expression instead
            }
            pos = start;
        }
        return arithmetic();
    }

    private Syntax.Operand arithmetic() {
        Syntax.Operand left = operand(true);
        if (accept(TokenKind.PLUS)) {
            return new Syntax.Arith(left, '+', operand(true));
        }
        if (accept(TokenKind.MINUS)) {
            return new Syntax.Arith(left, '-', operand(true));
        }
        return left;
    }

    // ---- token helpers ----------------------------------------------------------------------------------------

    private <T> T complete(T result) {
        if (peek().kind() != TokenKind.EOF) {
            throw syntaxError();
        }
        return result;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String upper) {
        if (peek().isKeyword(upper)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind) {
        Token t = peek();
        if (t.kind() != kind) {
            throw fail();
        }
        pos++;
        return t;
    }

    private void expectKeyword(String upper) {
        if (!acceptKeyword(upper)) {
            throw fail();
        }
    }

    /** Records how far parsing got; the final error names the furthest token any alternative reached. */
    private SyntaxFailure fail() {
        furthest = Math.max(furthest, pos);
        return new SyntaxFailure();
    }

    private ExpressionError syntaxError() {
        furthest = Math.max(furthest, pos);
        return syntaxErrorAt(furthest);
    }

    private ExpressionError syntaxErrorAt(int index) {
        Token t = tokens.get(index);
        int from = index > 0 ? tokens.get(index - 1).offset() : t.offset();
        int to;
        if (t.kind() == TokenKind.EOF) {
            to = text.length();
        } else {
            Token next = tokens.get(index + 1);
            to = next.kind() == TokenKind.EOF ? t.end() : next.end();
        }
        return new ExpressionError(
                "Syntax error; token: \"" + t.text() + "\", near: \"" + text.substring(from, to) + "\"");
    }

    /** Thrown inside the parser to backtrack; {@link #guarded} turns it into DynamoDB's syntax error. */
    private static final class SyntaxFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxFailure() {
            super(null, null, false, false);
        }
    }
}

package dev.keysmith.engine.expr.lex;

import java.util.Locale;

/** One token: its kind, its source text and its character offset in the expression. */
public record Token(TokenKind kind, String text, int offset) {
    public int end() {
        return offset + text.length();
    }

    /** True if this is the given keyword (case-insensitive). */
    public boolean isKeyword(String upper) {
        return kind == TokenKind.KEYWORD && text.toUpperCase(Locale.ROOT).equals(upper);
    }
}

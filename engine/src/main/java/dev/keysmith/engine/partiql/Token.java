package dev.keysmith.engine.partiql;

/** One lexical token of a statement; {@code text} is the unquoted content for strings and quoted identifiers. */
record Token(Kind kind, String text, int offset) {
    enum Kind {
        /** An unquoted word: a keyword or a plain identifier. */
        WORD,
        /** A double-quoted identifier (case-sensitive, may be a reserved word). */
        QUOTED,
        STRING,
        NUMBER,
        /** Punctuation or an operator: {@code ( ) [ ] { } , . : * ? = <> != < <= > >= + - << >>}. */
        SYMBOL,
        END
    }

    boolean is(String symbolOrKeyword) {
        return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equalsIgnoreCase(symbolOrKeyword);
    }
}

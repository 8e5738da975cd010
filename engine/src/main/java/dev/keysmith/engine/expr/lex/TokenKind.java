package dev.keysmith.engine.expr.lex;

/** The kinds of token shared by all expression kinds (DynamoDB uses one lexer, so keywords are global). */
public enum TokenKind {
    /**
     * A bare attribute or function name: {@code [A-Za-z][A-Za-z0-9_]*} that is not a keyword. A leading underscore
     * is not part of a name: DynamoDB answers {@code SET _123 = :v} with {@code token: "_", near: "SET _123"}.
     */
    NAME,
    /** {@code #name} placeholder. */
    NAME_REF,
    /** {@code :value} placeholder. */
    VALUE_REF,
    /** A list index: {@code [0-9]+}. */
    NUMBER,
    /** AND OR NOT BETWEEN IN SET REMOVE ADD DELETE, case-insensitive; {@link Token#text()} keeps the source case. */
    KEYWORD,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    /** Any other character, one code point. Always a syntax error. */
    INVALID,
    EOF
}

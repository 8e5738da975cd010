package dev.keysmith.engine.expr.lex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits an expression into tokens. Never fails: unknown characters become {@link TokenKind#INVALID} tokens. */
public final class Lexer {
    private static final Set<String> KEYWORDS =
            Set.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE");

    private Lexer() {}

    /** The tokens of {@code text}, ending with one {@link TokenKind#EOF} token. */
    public static List<Token> tokenize(String text) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            if (isLetter(c)) {
                i = skipWord(text, i + 1);
                String word = text.substring(start, i);
                boolean keyword = KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
                tokens.add(new Token(keyword ? TokenKind.KEYWORD : TokenKind.NAME, word, start));
            } else if (isDigit(c)) {
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(TokenKind.NUMBER, text.substring(start, i), start));
            } else if ((c == '#' || c == ':') && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                i = skipWord(text, i + 1);
                tokens.add(new Token(
                        c == '#' ? TokenKind.NAME_REF : TokenKind.VALUE_REF, text.substring(start, i), start));
            } else {
                TokenKind kind = punctuation(c);
                int len = 1;
                if (c == '<' && i + 1 < n && (text.charAt(i + 1) == '>' || text.charAt(i + 1) == '=')) {
                    kind = text.charAt(i + 1) == '>' ? TokenKind.NE : TokenKind.LE;
                    len = 2;
                } else if (c == '>' && i + 1 < n && text.charAt(i + 1) == '=') {
                    kind = TokenKind.GE;
                    len = 2;
                } else if (kind == TokenKind.INVALID) {
                    len = Character.charCount(text.codePointAt(i));
                }
                i += len;
                tokens.add(new Token(kind, text.substring(start, i), start));
            }
        }
        tokens.add(new Token(TokenKind.EOF, "<EOF>", n));
        return tokens;
    }

    private static TokenKind punctuation(char c) {
        return switch (c) {
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case ',' -> TokenKind.COMMA;
            case '.' -> TokenKind.DOT;
            case '=' -> TokenKind.EQ;
            case '<' -> TokenKind.LT;
            case '>' -> TokenKind.GT;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            default -> TokenKind.INVALID;
        };
    }

    private static int skipWord(String text, int i) {
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}

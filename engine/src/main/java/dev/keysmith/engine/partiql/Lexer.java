package dev.keysmith.engine.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into tokens; keywords are recognised later by the parser, case-insensitively. */
final class Lexer {
    private static final List<String> SYMBOLS = List.of(
            "<<", ">>", "<>", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "*", "?", "=", "<", ">",
            "+", "-", ";");

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String statement) {
        return new Lexer(statement).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.END, "", pos));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("--", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw Problems.syntax(src);
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED, quoted(c), start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return new Token(Token.Kind.NUMBER, number(), start);
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < src.length()
                    && (Character.isLetterOrDigit(src.charAt(pos))
                            || src.charAt(pos) == '_'
                            || src.charAt(pos) == '$')) {
                pos++;
            }
            return new Token(Token.Kind.WORD, src.substring(start, pos), start);
        }
        for (String s : SYMBOLS) {
            if (src.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Token.Kind.SYMBOL, s, start);
            }
        }
        throw Problems.syntax(src);
    }

    /** A quoted string or identifier; a doubled quote stands for one quote. */
    private String quoted(char quote) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) {
                if (pos < src.length() && src.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw Problems.syntax(src);
    }

    private String number() {
        int start = pos;
        digits();
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                digits();
            } else {
                pos = save;
            }
        }
        return src.substring(start, pos);
    }

    private void digits() {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
    }
}

package dev.keysmith.engine.partiql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Recursive-descent parser for DynamoDB's PartiQL subset; syntax only, no table knowledge. */
final class Parser {
    /** PartiQL keywords that cannot be used as unquoted identifiers. */
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "IN",
            "IS",
            "BETWEEN",
            "MISSING",
            "NULL",
            "TRUE",
            "FALSE",
            "INSERT",
            "INTO",
            "VALUE",
            "VALUES",
            "UPDATE",
            "SET",
            "REMOVE",
            "DELETE",
            "RETURNING",
            "ORDER",
            "BY",
            "ASC",
            "DESC",
            "EXISTS",
            "LIMIT",
            "AS",
            "AT",
            "JOIN",
            "GROUP",
            "HAVING",
            "UNION",
            "LIKE",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "DISTINCT",
            "ALL",
            "ON",
            "OFFSET");

    private final String source;
    private final List<Token> tokens;
    private int pos;
    private int params;

    private Parser(String source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    /** A parsed statement and how many {@code ?} placeholders it has. */
    record Parsed(Statement statement, int parameterCount) {}

    static Parsed parse(String statement) {
        Parser p = new Parser(statement);
        Statement s = p.statement();
        p.accept(";");
        if (p.peek().kind() != Token.Kind.END) {
            throw p.unexpected();
        }
        return new Parsed(s, p.params);
    }

    private Statement statement() {
        Token t = peek();
        if (t.is("SELECT")) {
            return select();
        }
        if (t.is("INSERT")) {
            return insert();
        }
        if (t.is("UPDATE")) {
            return update();
        }
        if (t.is("DELETE")) {
            return delete();
        }
        if (t.is("EXISTS")) {
            pos++;
            expect("(");
            Statement.Select inner = select();
            expect(")");
            return new Statement.Exists(inner);
        }
        throw unexpected();
    }

    private Statement.Select select() {
        expect("SELECT");
        List<Path> projection = new ArrayList<>();
        if (!accept("*")) {
            do {
                projection.add(path());
            } while (accept(","));
        }
        expect("FROM");
        String table = identifier();
        String index = null;
        if (accept(".")) {
            index = identifier();
        }
        Expr where = null;
        if (accept("WHERE")) {
            where = expression();
        }
        List<Statement.Order> orderBy = new ArrayList<>();
        if (accept("ORDER")) {
            expect("BY");
            do {
                String name = identifier();
                boolean ascending = true;
                if (accept("DESC")) {
                    ascending = false;
                } else {
                    accept("ASC");
                }
                orderBy.add(new Statement.Order(name, ascending));
            } while (accept(","));
        }
        return new Statement.Select(projection, table, index, where, orderBy);
    }

    private Statement insert() {
        expect("INSERT");
        expect("INTO");
        String table = dmlTable();
        expect("VALUE");
        Expr item = additive();
        if (peek().is("RETURNING")) {
            throw Problems.invalid(Problems.INSERT_RETURNING);
        }
        return new Statement.Insert(table, item);
    }

    private Statement update() {
        expect("UPDATE");
        String table = dmlTable();
        List<Statement.Action> actions = new ArrayList<>();
        while (true) {
            if (accept("SET")) {
                do {
                    Path target = path();
                    expect("=");
                    actions.add(new Statement.Set(target, additive()));
                } while (accept(","));
            } else if (accept("REMOVE")) {
                do {
                    actions.add(new Statement.Remove(path()));
                } while (accept(","));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) {
            throw unexpected();
        }
        expect("WHERE");
        Expr where = expression();
        return new Statement.Update(table, actions, where, returning());
    }

    private Statement delete() {
        expect("DELETE");
        expect("FROM");
        String table = dmlTable();
        expect("WHERE");
        Expr where = expression();
        return new Statement.Delete(table, where, returning());
    }

    /** The table of INSERT, UPDATE or DELETE, which cannot address an index. */
    private String dmlTable() {
        String table = identifier();
        if (peek().is(".")) {
            throw Problems.invalid(Problems.DML_ON_INDEX);
        }
        return table;
    }

    private Statement.@Nullable Returning returning() {
        if (!accept("RETURNING")) {
            return null;
        }
        boolean all;
        if (accept("ALL")) {
            all = true;
        } else if (accept("MODIFIED")) {
            all = false;
        } else {
            throw unexpected();
        }
        boolean old;
        if (accept("OLD")) {
            old = true;
        } else if (accept("NEW")) {
            old = false;
        } else {
            throw unexpected();
        }
        expect("*");
        if (all) {
            return old ? Statement.Returning.ALL_OLD : Statement.Returning.ALL_NEW;
        }
        return old ? Statement.Returning.MODIFIED_OLD : Statement.Returning.MODIFIED_NEW;
    }

    // Expressions, loosest binding first.

    private Expr expression() {
        Expr left = conjunction();
        while (accept("OR")) {
            left = new Expr.Or(left, conjunction());
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = negation();
        while (accept("AND")) {
            left = new Expr.And(left, negation());
        }
        return left;
    }

    private Expr negation() {
        if (accept("NOT")) {
            return new Expr.Not(negation());
        }
        return predicate();
    }

    private Expr predicate() {
        Expr left = additive();
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL
                && Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(t.text())) {
            pos++;
            String op = t.text().equals("!=") ? "<>" : t.text();
            return new Expr.Compare(op, left, additive());
        }
        if (accept("BETWEEN")) {
            Expr low = additive();
            expect("AND");
            return new Expr.Between(left, low, additive());
        }
        if (peek().is("NOT") && peekAt(1).is("IN")) {
            pos += 2;
            return new Expr.Not(in(left));
        }
        if (accept("IN")) {
            return in(left);
        }
        if (accept("IS")) {
            boolean negated = accept("NOT");
            if (accept("MISSING")) {
                return new Expr.IsMissing(left, negated);
            }
            if (accept("NULL")) {
                Expr isNull =
                        new Expr.Call("attribute_type", List.of(left, new Expr.Literal(AttributeValue.fromS("NULL"))));
                return negated ? new Expr.Not(isNull) : isNull;
            }
            Token type = peek();
            throw Problems.invalid(
                    "Unsupported data type for IS operator: " + type.text().toUpperCase(Locale.ROOT)
                            + ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
        }
        return left;
    }

    private Expr in(Expr left) {
        String close;
        if (accept("[")) {
            close = "]";
        } else {
            expect("(");
            close = ")";
        }
        List<Expr> candidates = new ArrayList<>();
        if (!peek().is(close)) {
            do {
                candidates.add(additive());
            } while (accept(","));
        }
        expect(close);
        return new Expr.In(left, candidates);
    }

    private Expr additive() {
        Expr left = primary();
        while (peek().is("+") || peek().is("-")) {
            String op = next().text();
            left = new Expr.Arithmetic(op, left, primary());
        }
        return left;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                pos++;
                return new Expr.Literal(AttributeValue.fromS(t.text()));
            }
            case NUMBER -> {
                pos++;
                return new Expr.Literal(AttributeValue.fromN(t.text()));
            }
            case QUOTED -> {
                return new Expr.Ref(path());
            }
            case WORD -> {
                return word(t);
            }
            case SYMBOL -> {
                return symbol(t);
            }
            case END -> throw unexpected();
        }
        throw unexpected();
    }

    private Expr word(Token t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "TRUE", "FALSE" -> {
                pos++;
                return new Expr.Literal(AttributeValue.fromBool(upper.equals("TRUE")));
            }
            case "NULL" -> {
                pos++;
                return new Expr.Literal(AttributeValue.fromNul(true));
            }
            case "MISSING" -> {
                pos++;
                return new Expr.Missing();
            }
            default -> {
                if (peekAt(1).is("(") && !KEYWORDS.contains(upper)) {
                    pos += 2;
                    List<Expr> args = new ArrayList<>();
                    if (!peek().is(")")) {
                        do {
                            args.add(additive());
                        } while (accept(","));
                    }
                    expect(")");
                    return new Expr.Call(t.text().toLowerCase(Locale.ROOT), args);
                }
                return new Expr.Ref(path());
            }
        }
    }

    private Expr symbol(Token t) {
        switch (t.text()) {
            case "?" -> {
                pos++;
                return new Expr.Param(params++);
            }
            case "(" -> {
                pos++;
                Expr inner = expression();
                expect(")");
                return inner;
            }
            case "[" -> {
                pos++;
                return new Expr.ListOf(elements("]"));
            }
            case "<<" -> {
                pos++;
                return new Expr.SetOf(elements(">>"));
            }
            case "{" -> {
                pos++;
                Map<String, Expr> entries = new LinkedHashMap<>();
                if (!peek().is("}")) {
                    do {
                        Token key = next();
                        if (key.kind() != Token.Kind.STRING) {
                            throw unexpected();
                        }
                        expect(":");
                        Expr value = additive();
                        if (value instanceof Expr.Missing) {
                            throw Problems.invalid("Unsupported data type: MISSING under key root");
                        }
                        if (entries.put(key.text(), value) != null) {
                            throw Problems.invalid("Duplicate keys in tuple. Key: " + key.text() + " under root");
                        }
                    } while (accept(","));
                }
                expect("}");
                return new Expr.MapOf(entries);
            }
            case "-" -> {
                pos++;
                Token n = next();
                if (n.kind() != Token.Kind.NUMBER) {
                    throw unexpected();
                }
                return new Expr.Literal(AttributeValue.fromN("-" + n.text()));
            }
            default -> throw unexpected();
        }
    }

    private List<Expr> elements(String close) {
        List<Expr> out = new ArrayList<>();
        if (!peek().is(close)) {
            do {
                out.add(additive());
            } while (accept(","));
        }
        expect(close);
        return out;
    }

    private Path path() {
        List<Path.Step> steps = new ArrayList<>();
        steps.add(new Path.Name(identifier()));
        while (true) {
            if (peek().is(".")
                    && peekAt(1).kind() != Token.Kind.END
                    && !peekAt(1).is("*")) {
                pos++;
                steps.add(new Path.Name(identifier()));
            } else if (peek().is("[")) {
                pos++;
                Token n = next();
                if (n.kind() != Token.Kind.NUMBER || !n.text().chars().allMatch(Character::isDigit)) {
                    throw unexpected();
                }
                expect("]");
                steps.add(new Path.Index(Integer.parseInt(n.text())));
            } else {
                return new Path(steps);
            }
        }
    }

    private String identifier() {
        Token t = next();
        if (t.kind() == Token.Kind.QUOTED) {
            return t.text();
        }
        if (t.kind() == Token.Kind.WORD && !KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            return t.text();
        }
        throw unexpected();
    }

    // Token helpers.

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }

    private boolean accept(String symbolOrKeyword) {
        if (peek().is(symbolOrKeyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String symbolOrKeyword) {
        if (!accept(symbolOrKeyword)) {
            throw unexpected();
        }
    }

    /** DynamoDB reports a statement it cannot parse by quoting the whole statement. */
    private RuntimeException unexpected() {
        return Problems.syntax(source);
    }
}

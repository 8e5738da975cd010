package dev.keysmith.engine.expr;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.ast.Syntax;
import dev.keysmith.engine.expr.parse.ExpressionError;
import dev.keysmith.engine.expr.parse.Parser;
import dev.keysmith.engine.expr.resolve.ConditionAnalyzer;
import dev.keysmith.engine.expr.resolve.ProjectionAnalyzer;
import dev.keysmith.engine.expr.resolve.Resolver;
import dev.keysmith.engine.expr.resolve.UpdateAnalyzer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Entry point for DynamoDB expressions. Each call runs parse (cached by text) → resolve + semantic checks (per
 * request, against the {@link ExpressionContext}) and returns an evaluable object. Every error is a
 * ValidationException with DynamoDB's message, prefixed {@code Invalid <Kind>: } where DynamoDB prefixes it.
 */
public final class Expressions {
    /** "The maximum length of any expression string is 4 KB" (developer guide, expression parameters limits). */
    public static final int MAX_EXPRESSION_BYTES = 4096;

    private static final int CACHE_CAPACITY = 1024;
    private static final ParseCache<Syntax.ConditionExpr> CONDITIONS =
            new ParseCache<>(CACHE_CAPACITY, Parser::parseCondition);
    private static final ParseCache<Syntax.UpdateExpr> UPDATES = new ParseCache<>(CACHE_CAPACITY, Parser::parseUpdate);
    private static final ParseCache<Syntax.ProjectionExpr> PROJECTIONS =
            new ParseCache<>(CACHE_CAPACITY, Parser::parseProjection);

    private Expressions() {}

    /** kind is "ConditionExpression" or "FilterExpression" (used in messages: "Invalid ConditionExpression: ..."). */
    public static Condition condition(String kind, String text, ExpressionContext ctx) {
        return new CompiledCondition(
                compile(kind, text, CONDITIONS, ast -> ConditionAnalyzer.analyze(ast, new Resolver(ctx))));
    }

    public static Update update(String text, ExpressionContext ctx) {
        return new CompiledUpdate(
                compile("UpdateExpression", text, UPDATES, ast -> UpdateAnalyzer.analyze(ast, new Resolver(ctx))));
    }

    public static Projection projection(String text, ExpressionContext ctx) {
        return new CompiledProjection(compile(
                "ProjectionExpression", text, PROJECTIONS, ast -> ProjectionAnalyzer.analyze(ast, new Resolver(ctx))));
    }

    /**
     * Parses and validates a KeyConditionExpression against the (table or index) key names, with all of DynamoDB's
     * structural errors. Type checks against the key types are the caller's job.
     */
    public static KeyCondition keyCondition(
            String text, ExpressionContext ctx, String hashKeyName, @Nullable String rangeKeyName) {
        var predicate = compile(
                "KeyConditionExpression", text, CONDITIONS, ast -> ConditionAnalyzer.analyze(ast, new Resolver(ctx)));
        return KeyConditions.fromPredicate(predicate, hashKeyName, rangeKeyName);
    }

    private static <A, R> R compile(String kind, String text, ParseCache<A> cache, Function<A, R> analyze) {
        try {
            if (text.isEmpty()) {
                throw new ExpressionError("The expression can not be empty;");
            }
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_EXPRESSION_BYTES) {
                throw new ExpressionError(
                        "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
            }
            return analyze.apply(cache.get(text));
        } catch (ExpressionError e) {
            throw Errors.validation("Invalid " + kind + ": " + e.detail());
        }
    }

    /** Number of parsed expressions currently cached (for tests and diagnostics). */
    static int cachedCount() {
        return CONDITIONS.size() + UPDATES.size() + PROJECTIONS.size();
    }
}

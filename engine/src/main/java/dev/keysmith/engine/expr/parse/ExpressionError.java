package dev.keysmith.engine.expr.parse;

/**
 * An error in one expression, carrying DynamoDB's text without the {@code Invalid <Kind>: } prefix, which only the
 * caller knows. Never escapes {@code dev.keysmith.engine.expr}: {@code Expressions} turns it into a
 * ValidationException.
 */
public final class ExpressionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExpressionError(String detail) {
        super(detail, null, false, false);
    }

    public String detail() {
        return getMessage();
    }
}

package dev.keysmith.engine.expr.eval;

import dev.keysmith.engine.error.Errors;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact number arithmetic for update expressions, with DynamoDB's Number limits on the result: at most 38
 * significant digits, magnitude between 1E-130 and 9.99...E+125.
 */
public final class NumberArithmetic {
    private static final int MAX_DIGITS = 38;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

    private NumberArithmetic() {}

    public static String add(String a, String b) {
        return checked(new BigDecimal(a).add(new BigDecimal(b), MathContext.UNLIMITED));
    }

    public static String subtract(String a, String b) {
        return checked(new BigDecimal(a).subtract(new BigDecimal(b), MathContext.UNLIMITED));
    }

    private static String checked(BigDecimal result) {
        BigDecimal abs = result.abs();
        if (abs.compareTo(MAX_MAGNITUDE) > 0) {
            throw Errors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (result.signum() != 0 && abs.compareTo(MIN_MAGNITUDE) < 0) {
            throw Errors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        BigDecimal normal = result.signum() == 0 ? BigDecimal.ZERO : result.stripTrailingZeros();
        if (normal.precision() > MAX_DIGITS) {
            throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return normal.toPlainString();
    }
}

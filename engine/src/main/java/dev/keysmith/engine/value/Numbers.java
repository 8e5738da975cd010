package dev.keysmith.engine.value;

import dev.keysmith.engine.error.Errors;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB numbers: validation against DynamoDB's limits and the canonical text DynamoDB returns.
 *
 * <p>A number has at most 38 significant digits and a magnitude between 1E-130 and 9.99...E+125 (or is zero). Its
 * canonical text is the plain decimal notation (never an exponent) without leading or trailing zeros, and zero is
 * {@code 0} whatever its sign. Sources: the DynamoDB conformance suite run against real DynamoDB
 * (nubo-db/dynamodb-conformance {@code tests/tier3/limits/numberByteSize.test.ts}: {@code 1E125} is returned as a 1
 * followed by 125 zeros, {@code 0042.1200} as {@code 42.12}; {@code numberPrecision.test.ts}: {@code 1.5E2} as
 * {@code 150}, {@code -0} as {@code 0}, {@code 1.0} as {@code 1}), and DynamoDB Local 2.6.1, which returns
 * {@code 1E-130} as {@code 0.}, 129 zeros and {@code 1}. The syntax accepted is Java's {@link BigDecimal} syntax
 * restricted to ASCII, which matches DynamoDB Local (accepts {@code +5}, {@code .5}, {@code 5.}; rejects blanks,
 * {@code 1e}, {@code NaN}, {@code Infinity}, hexadecimal). Error texts are dynalite's, which are tested against
 * live DynamoDB.
 */
public final class Numbers {
    /** Largest decimal exponent of the most significant digit (9.99...E+125). */
    static final int MAX_EXPONENT = 125;
    /** Smallest decimal exponent of the most significant digit (1E-130). */
    static final int MIN_EXPONENT = -130;
    /** Most significant digits a number may have. */
    static final int MAX_DIGITS = 38;

    private Numbers() {}

    /** Validates a DynamoDB number string and returns the canonical text DynamoDB returns for it. */
    public static String canonical(@Nullable String text) {
        return toCanonical(parse(text));
    }

    /** The validated value as an exact BigDecimal, stripped of trailing zeros (zero is {@link BigDecimal#ZERO}). */
    public static BigDecimal parse(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            throw Errors.validation("The parameter cannot be converted to a numeric value");
        }
        BigDecimal value = syntax(text);
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw Errors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw Errors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (stripped.precision() > MAX_DIGITS) {
            throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return stripped;
    }

    /**
     * The canonical text of a value that is already within DynamoDB's limits (as returned by {@link #parse}): plain
     * notation, no trailing zeros, {@code 0} for zero.
     */
    public static String toCanonical(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal syntax(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!allowed) {
                throw notANumber(text);
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw notANumber(text);
        }
    }

    private static RuntimeException notANumber(String text) {
        return Errors.validation("The parameter cannot be converted to a numeric value: " + text);
    }
}

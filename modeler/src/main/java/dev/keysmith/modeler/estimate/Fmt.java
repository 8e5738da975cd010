package dev.keysmith.modeler.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting for formulas and reports: grouped thousands ("5,120"), at most six decimals, no trailing zeros,
 * so that a formula can be parsed back and recomputed.
 */
final class Fmt {
    private static final ThreadLocal<DecimalFormat> FORMAT = ThreadLocal.withInitial(() -> {
        DecimalFormat f = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    });

    private Fmt() {}

    /** A number with grouped thousands and up to six decimals ("1,048,576", "0.5", "0.000625"). */
    static String num(double value) {
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs < 0.001) {
            // small prices keep their significant digits ("0.000000625")
            return new BigDecimal(value)
                    .round(new MathContext(6, RoundingMode.HALF_UP))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        if (abs >= 1e12) {
            return FORMAT.get().format(value);
        }
        long micros = Math.round(abs * 1_000_000);
        long whole = micros / 1_000_000;
        long fraction = micros % 1_000_000;
        StringBuilder s = new StringBuilder(24);
        if (value < 0 && micros != 0) {
            s.append('-');
        }
        String digits = Long.toString(whole);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        s.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
        if (fraction != 0) {
            String f = Long.toString(1_000_000 + fraction).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(f, 0, end);
        }
        return s.toString();
    }

    /** A number with twelve significant digits and no grouping, for factors whose rounding would show. */
    static String precise(double value) {
        return value == 0
                ? "0"
                : new BigDecimal(value)
                        .round(new MathContext(12, RoundingMode.HALF_UP))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    /** A number followed by its unit ("5,120 B"). */
    static String num(double value, String unit) {
        return num(value) + " " + unit;
    }

    /** A money amount ("$12.5"), full precision up to six decimals; reports round it for display separately. */
    static String usd(double value) {
        return value < 0 ? "-$" + num(-value) : "$" + num(value);
    }

    /** A number rounded to three significant digits, for prose ("about 1,230 requests per second"). */
    static double significant(double value) {
        return value == 0
                ? 0
                : new BigDecimal(value)
                        .round(new MathContext(3, RoundingMode.HALF_UP))
                        .doubleValue();
    }

    /** A money amount rounded to cents for summaries ("$12.50"). */
    static String cents(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%s$%,.2f", rounded.signum() < 0 ? "-" : "", rounded.abs());
    }
}

package dev.keysmith.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.engine.error.Errors;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class NumbersTest {
    private static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value: ";
    private static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    private static final String TOO_MANY_DIGITS = "Attempting to store more than 38 significant digits in a Number";

    /** Round trips observed on real DynamoDB (conformance suite) and on DynamoDB Local 2.6.1. */
    @ParameterizedTest
    @CsvSource({
        "1.50, 1.5",
        "-0, 0",
        "-0.0, 0",
        "0.0E5, 0",
        "1E+2, 100",
        "1E2, 100",
        "1.5E2, 150",
        "00042, 42",
        "0042.1200, 42.12",
        "1.0, 1",
        "3.1400, 3.14",
        "0.00001, 0.00001",
        "1e-7, 0.0000001",
        "+5, 5",
        ".5, 0.5",
        "5., 5",
        "-.5e-3, -0.0005",
        "1E+0, 1",
        "12345678901234567890123456789012345678, 12345678901234567890123456789012345678",
        "1234567890123456789012345678901234567800000, 1234567890123456789012345678901234567800000",
        "0.1234567890123456789012345678901234567800, 0.12345678901234567890123456789012345678",
    })
    void canonical_isDynamoDbsPlainText(String input, String expected) {
        assertEquals(expected, Numbers.canonical(input));
    }

    @Test
    void canonical_expandsExtremeExponents() {
        assertEquals("1" + "0".repeat(125), Numbers.canonical("1E125"));
        assertEquals("0." + "0".repeat(129) + "1", Numbers.canonical("1e-130"));
        assertEquals("-0." + "0".repeat(129) + "1", Numbers.canonical("-1E-130"));
        assertEquals(
                "9".repeat(38) + "0".repeat(88), Numbers.canonical("9.9999999999999999999999999999999999999E+125"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " 5",
                "5 ",
                "1e",
                "abc",
                "0x10",
                "NaN",
                "Infinity",
                "1_000",
                "--5",
                "1.2.3",
                ".",
                "-",
                "e5",
                "\u0661\u0662",
                "1e1000000000000"
            })
    void canonical_rejectsNonNumbers(String input) {
        assertMessage(NOT_A_NUMBER + input, () -> Numbers.canonical(input));
    }

    @Test
    void canonical_rejectsEmptyAndNullWithoutValue() {
        assertMessage("The parameter cannot be converted to a numeric value", () -> Numbers.canonical(""));
        assertMessage("The parameter cannot be converted to a numeric value", () -> Numbers.canonical(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+126", "-1E+126", "1e126", "10E125", "99999999999999999999999999999999999999E+89"})
    void canonical_rejectsOverflow(String input) {
        assertMessage(OVERFLOW, () -> Numbers.canonical(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E-131", "-1e-131", "0.1E-130", "9.9E-131"})
    void canonical_rejectsUnderflow(String input) {
        assertMessage(UNDERFLOW, () -> Numbers.canonical(input));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789012345678901234567890123456789",
                "-1.23456789012345678901234567890123456789",
                "1.00000000000000000000000000000000000001"
            })
    void canonical_rejectsMoreThan38SignificantDigits(String input) {
        assertMessage(TOO_MANY_DIGITS, () -> Numbers.canonical(input));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9.9999999999999999999999999999999999999E+125",
                "-9.9999999999999999999999999999999999999E+125",
                "1E-130",
                "-1E-130",
                "0E+9999",
                "1.0000000000000000000000000000000000000000000"
            })
    void canonical_acceptsTheLimits(String input) {
        assertEquals(0, Numbers.parse(input).compareTo(new BigDecimal(input)));
    }

    @Test
    void parse_stripsTrailingZeros() {
        assertEquals(new BigDecimal("1.5"), Numbers.parse("1.500"));
        assertEquals(new BigDecimal("1E+2"), Numbers.parse("100"));
        assertEquals(BigDecimal.ZERO, Numbers.parse("-0.000"));
    }

    private static void assertMessage(String expected, Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals("ValidationException", Errors.code(e));
        assertEquals(expected, e.awsErrorDetails().errorMessage());
    }
}

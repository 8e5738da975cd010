package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void numbers_haveGroupedThousandsAndAtMostSixDecimals() {
        assertEquals("0", Fmt.num(0));
        assertEquals("5,120", Fmt.num(5_120));
        assertEquals("1,048,576", Fmt.num(1_048_576));
        assertEquals("999", Fmt.num(999));
        assertEquals("0.5", Fmt.num(0.5));
        assertEquals("-12.5", Fmt.num(-12.5));
        assertEquals("0.333333", Fmt.num(1 / 3d));
        assertEquals("0.000000625", Fmt.num(0.000000625));
        assertEquals("0.00065", Fmt.num(0.00065));
        assertEquals("2,628,000", Fmt.num(730 * 3_600));
        assertEquals("12,345,678,901,234", Fmt.num(12_345_678_901_234d));
    }

    @Test
    void money_roundsToCentsHalfUp() {
        assertEquals("$80.67", Fmt.cents(80.66499999999999));
        assertEquals("$1,234.50", Fmt.cents(1_234.5));
        assertEquals("-$6.25", Fmt.cents(-6.25));
        assertEquals("-$6.25", Fmt.usd(-6.25));
    }
}

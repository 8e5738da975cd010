package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.model.Consistency.EVENTUAL;
import static dev.keysmith.modeler.model.Consistency.STRONG;
import static dev.keysmith.modeler.model.Consistency.TRANSACTIONAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are DynamoDB's documented examples (reference §1.3, §2.1 to §2.3) and the rounding boundaries. */
class CapacityMathTest {

    private static void assertUnits(double expected, Metered metered) {
        assertEquals(expected, metered.units(), 1e-9, metered.formula());
        FormulaCheck.assertConsistent(metered.formula(), expected);
    }

    @Test
    void eightKilobyteRead_costsTwoStrongOneEventualFourTransactional() {
        assertUnits(2, CapacityMath.getItem(8_192, STRONG));
        assertUnits(1, CapacityMath.getItem(8_192, EVENTUAL));
        assertUnits(4, CapacityMath.getItem(8_192, TRANSACTIONAL));
    }

    @Test
    void twoKilobyteWrite_costsTwoStandardFourTransactional() {
        assertUnits(2, CapacityMath.write(0, 2_048, false));
        assertUnits(4, CapacityMath.write(0, 2_048, true));
    }

    @Test
    void readRoundsUpAtTheFourKilobyteBoundary() {
        assertUnits(1, CapacityMath.getItem(4_096, STRONG));
        assertUnits(2, CapacityMath.getItem(4_097, STRONG));
        assertUnits(0.5, CapacityMath.getItem(4_096, EVENTUAL));
        assertUnits(1, CapacityMath.getItem(4_097, EVENTUAL));
    }

    @Test
    void writeRoundsUpAtTheOneKilobyteBoundary() {
        assertUnits(1, CapacityMath.write(0, 1_024, false));
        assertUnits(2, CapacityMath.write(0, 1_025, false));
    }

    @Test
    void getOfAMissingItem_stillCostsTheMinimum() {
        assertUnits(1, CapacityMath.getItem(0, STRONG));
        assertUnits(0.5, CapacityMath.getItem(0, EVENTUAL));
    }

    @Test
    void updateFrom1024To1025Bytes_costsTwoUnits() {
        assertUnits(2, CapacityMath.write(1_024, 1_025, false));
    }

    @Test
    void putReplacingALargerItem_isMeteredOnTheOldItem() {
        assertUnits(3, CapacityMath.write(3_000, 500, false));
    }

    @Test
    void deleteOfAMissingItem_costsOneUnit() {
        assertUnits(1, CapacityMath.write(0, 0, false));
    }

    @Test
    void batchGet_roundsEachItemOnItsOwn() {
        // 1.5 KB + 6.5 KB -> 4 KB + 8 KB = 12 KB -> 3 RCU strongly consistent
        assertUnits(3, CapacityMath.batchGet(List.of(1_536L, 6_656L), STRONG));
        assertUnits(3, CapacityMath.batchGet(3, 100, STRONG));
    }

    @Test
    void transactGet_doublesEachItem() {
        assertUnits(4, CapacityMath.batchGet(2, 4_000, TRANSACTIONAL));
    }

    @Test
    void batchWrite_roundsEachItemOnItsOwn() {
        // 500 B + 3.5 KB -> 1 + 4 = 5 WCU
        assertUnits(5, CapacityMath.batchWrite(List.of(500L, 3_584L)));
    }

    @Test
    void transactWriteOfThree500ByteItems_costsSixUnits() {
        assertUnits(6, CapacityMath.writes(3, 0, 500, true));
    }

    @Test
    void query_sumsItemSizesBeforeRounding() {
        // 10 items totalling 40.8 KB -> 44 KB -> 11 RCU strongly consistent, 5.5 eventually consistent
        assertUnits(11, CapacityMath.query(10, 4_178, STRONG));
        assertUnits(5.5, CapacityMath.query(10, 4_178, EVENTUAL));
        // 1,500 items x 64 B = 96,000 B -> 24 blocks of 4 KB
        assertUnits(24, CapacityMath.query(1_500, 64, STRONG));
    }

    @Test
    void globalIndexQuery_ofEight2000ByteEntries_costsTwoUnits() {
        assertUnits(2, CapacityMath.query(8, 2_000, EVENTUAL));
    }

    @Test
    void emptyQuery_costsTheMinimumForThePartitionTouched() {
        assertUnits(1, CapacityMath.query(0, 500, STRONG));
        assertUnits(0.5, CapacityMath.query(0, 500, EVENTUAL));
    }

    @Test
    void localIndexQueryFetchingFromTheTable_roundsEachFetchedItem() {
        // 4 entries x 200 B -> 4 KB (1 unit) plus 4 x (300 B -> 4 KB) = 20 KB -> 5 RCU strongly consistent
        Metered index = CapacityMath.query(4, 200, STRONG);
        Metered table = CapacityMath.localIndexFetch(4, 300, STRONG);
        assertUnits(1, index);
        assertUnits(4, table);
    }

    @Test
    void pageOfExactlyOneMegabyte_isOnePage() {
        assertEquals(1, CapacityMath.pages(256, 4_096));
        assertUnits(256, CapacityMath.query(256, 4_096, STRONG));
        assertEquals(1, CapacityMath.pages(1_024, 1_024));
    }

    @Test
    void oneItemPastOneMegabyte_startsASecondPage() {
        assertEquals(2, CapacityMath.pages(257, 4_096));
        assertUnits(257, CapacityMath.query(257, 4_096, STRONG));
        assertEquals(2, CapacityMath.pages(1_025, 1_024));
    }

    @Test
    void eachPageIsRoundedOnItsOwn() {
        // 5,000-byte items: 210 per page (the 210th crosses 1 MB), page 1 = 1,050,000 B -> 257 blocks,
        // page 2 = 90 x 5,000 = 450,000 B -> 110 blocks
        assertEquals(210, CapacityMath.itemsPerPage(5_000));
        assertUnits(367, CapacityMath.scan(300, 5_000, STRONG));
    }

    @Test
    void newItemWithKeysOnlyAndAllIndexes_costsSevenUnits() {
        // a new 3,000-byte item, GSI1 KEYS_ONLY (60-byte entry), GSI2 ALL: 3 + 1 + 3 = 7 WCU
        double total = CapacityMath.write(0, 3_000, false).units()
                + CapacityMath.indexWrite(IndexWrite.PUT, 60).units()
                + CapacityMath.indexWrite(IndexWrite.PUT, 3_000).units();
        assertEquals(7, total);
    }

    @Test
    void indexKeyChange_costsADeleteAndAPut() {
        assertUnits(2, CapacityMath.indexWrite(IndexWrite.KEY_CHANGE, 60));
        assertUnits(4, CapacityMath.indexWrite(IndexWrite.KEY_CHANGE, 1_025));
        assertUnits(0, CapacityMath.indexWrite(IndexWrite.NONE, 1_025));
    }
}

package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.Volume;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected counts are the examples of reference §5.2 (the 2018 Developer Guide formula). */
class PartitionsTest {
    private static final double GIB = 1_073_741_824d;

    private static double partitions(double rcu, double wcu, double bytes) {
        Metered m = Partitions.count(rcu, wcu, bytes);
        FormulaCheck.assertConsistent(m.formula(), m.units());
        return m.units();
    }

    @Test
    void throughputExamplesOfTheDeveloperGuide() {
        assertEquals(1, partitions(1_000, 500, 0));
        assertEquals(2, partitions(1_000, 1_000, 0));
        assertEquals(4, partitions(5_000, 2_000, 0));
    }

    @Test
    void sizeCanNeedMorePartitionsThanThroughput() {
        assertEquals(12, partitions(10_000, 5_000, 120 * GIB));
        assertEquals(1, partitions(0, 0, 10 * GIB));
        assertEquals(2, partitions(0, 0, 10 * GIB + 1));
    }

    @Test
    void aSingleKeyTaking1500WritesPerSecond_throttlesAThirdOfThem() {
        HotKey hot = Partitions.hotKey("table T", "PK = EVENTS", 1_500, true, 1, null);
        assertTrue(hot.exceedsLimit());
        assertEquals(1.0 / 3, hot.throttledShare(), 1e-12);
        FormulaCheck.assertConsistent(hot.formula(), hot.unitsPerSecond());
    }

    @Test
    void skewRaisesTheBusiestKeysShare() {
        HotKey uniform = Partitions.hotKey("table T", "PK", 6_000, false, 1_000, null);
        assertEquals(6, uniform.unitsPerSecond(), 1e-9);
        HotKey skewed = Partitions.hotKey("table T", "PK", 6_000, false, 1_000, 0.6);
        assertEquals(3_600, skewed.unitsPerSecond(), 1e-9);
        assertTrue(skewed.exceedsLimit());
        assertFalse(uniform.exceedsLimit());
        FormulaCheck.assertConsistent(skewed.formula(), skewed.unitsPerSecond());
    }

    @Test
    void constantPartitionKey_isReportedAsAHotKey() {
        EntityType event = new EntityType(
                "Event",
                Map.of("PK", KeyTemplate.parse("EVENTS"), "SK", KeyTemplate.parse("{time}#{id}")),
                List.of(EstimateModels.attribute("payload", AttributeType.S, 400)),
                new Volume(10_000_000, 0, 0, null));
        TableDesign table = TableDesign.of("Events", KeyAttribute.string("PK"), KeyAttribute.string("SK"))
                .withEntities(List.of(event));
        AccessPattern put = AccessPattern.of(
                        "E1", "record event", Operation.PutItem, "Events", null, new Rate(800, 2_000))
                .withExpectedEntityTypes(List.of("Event"));
        EstimateReport r = CapacityEstimator.estimate(
                new DataModel("Events", "", List.of(table), List.of(put)), EstimateOptions.defaults());
        HotKey hot = r.pattern("E1").orElseThrow().hotKeys().getFirst();
        assertEquals(1, hot.cardinality());
        assertEquals(2_000, hot.unitsPerSecond());
        assertEquals(0.5, hot.throttledShare());
        assertTrue(
                r.warnings().stream()
                        .anyMatch(
                                w -> w.startsWith(
                                        "Pattern E1 puts 2,000 WCU per second on one partition-key value of"
                                                + " table Events (PK = EVENTS) at peak, over the 1,000 WCU a partition serves: about 50%")),
                r.warnings().toString());
    }
}

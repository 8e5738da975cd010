package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.modeler.estimate.TableEstimate.Option;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TestModels;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapacityEstimatorTest {
    private static final EstimateOptions OPTIONS = EstimateOptions.defaults()
            .withPattern("P2", PatternAssumptions.NONE.withUpdatedAttributes(Set.of("title")));

    private static EstimateReport library() {
        return CapacityEstimator.estimate(EstimateModels.library(), OPTIONS);
    }

    private static RequestCapacity perRequest(EstimateReport report, String id) {
        return report.pattern(id).orElseThrow().perRequest();
    }

    @Test
    void itemAndIndexEntrySizes_followTheSizeRules() {
        EstimateReport r = library();
        assertEquals(EstimateModels.BOOK_BYTES, r.entities().getFirst().itemBytes());
        Map<String, Long> entries = new java.util.HashMap<>();
        r.indexEntries().forEach(e -> entries.put(e.index(), e.entryBytes()));
        assertEquals(Map.of("ByAuthor", 3_153L, "ByIsbn", 47L, "ByYear", 65L), entries);
        r.indexEntries().forEach(e -> assertEquals(e.entryBytes() + 100, e.storageBytes()));
    }

    @Test
    void newItem_writesTheTableAndEveryIndexItIsIn() {
        RequestCapacity c = perRequest(library(), "P1");
        assertEquals(4, c.table());
        assertEquals(Map.of("ByAuthor", 4.0, "ByIsbn", 1.0), c.globalSecondaryIndexes());
        assertEquals(Map.of("ByYear", 1.0), c.localSecondaryIndexes());
        assertEquals(10, c.total());
        assertEquals(5, c.tableCapacity());
    }

    @Test
    void updateOfAnIndexSortKey_costsADeleteAndAPutThere() {
        RequestCapacity c = perRequest(library(), "P2");
        assertEquals(4, c.table());
        assertEquals(Map.of("ByAuthor", 8.0, "ByIsbn", 0.0), c.globalSecondaryIndexes());
        assertEquals(Map.of("ByYear", 1.0), c.localSecondaryIndexes());
        assertEquals(13, c.total());
    }

    @Test
    void delete_removesTheEntryFromEveryIndex() {
        assertEquals(10, perRequest(library(), "P3").total());
    }

    @Test
    void transactionalWrite_doublesTheTableButNotTheIndexes() {
        RequestCapacity c = perRequest(library(), "P4");
        assertEquals(16, c.table());
        assertEquals(28, c.total());
    }

    @Test
    void reads_areMeteredPerItemOrPerQuery() {
        EstimateReport r = library();
        assertEquals(1, perRequest(r, "P5").total());
        assertEquals(5, perRequest(r, "P6").total());
        RequestCapacity lsi = perRequest(r, "P7");
        assertEquals(Map.of("ByYear", 1.0), lsi.localSecondaryIndexes());
        assertEquals(25, lsi.table());
        assertEquals(26, lsi.total());
        // 50 x 3,153 B = 157,650 B -> 39 blocks, eventually consistent on a GSI
        assertEquals(Map.of("ByAuthor", 19.5), perRequest(r, "P8").globalSecondaryIndexes());
    }

    @Test
    void scan_readsTheWholeTablePageByPage() {
        RequestCapacity c = perRequest(library(), "P9");
        // 333 items per 1 MB page (333 x 3,153 = 1,049,949 B -> 257 blocks); 3,003 full pages and one 1-item page
        assertEquals(3_004, c.requests());
        assertEquals((3_003 * 257 + 1) * 0.5, c.total());
    }

    @Test
    void questionableReads_areWarnedAbout() {
        EstimateReport r = library();
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("Pattern P8: consistent reads are not supported")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("Pattern P10 asks for attributes")));
    }

    @Test
    void everyLineRecomputesFromItsFormula() {
        for (EstimateReport r : new EstimateReport[] {
            library(),
            CapacityEstimator.estimate(EstimateModels.simple(), EstimateOptions.defaults()),
            CapacityEstimator.estimate(
                    EstimateModels.simple(), EstimateOptions.defaults().withTrafficMultiplier(3_333)),
            CapacityEstimator.estimate(TestModels.shop(), EstimateOptions.defaults()),
            CapacityEstimator.estimate(
                    EstimateModels.library(),
                    OPTIONS.withAdditionalRegions(2)
                            .withRetainedBackups(3)
                            .withProvisioning(new Provisioning(0.5, java.util.Collections.nCopies(24, 2.0)))
                            .withReserved(new EstimateOptions.Reserved(100, 200, 3))
                            .withTrafficMultiplier(1.5)
                            .withItemSizeMultiplier(1.25))
        }) {
            assertTrue(r.lines().size() > 20);
            for (LineItem line : r.lines()) {
                FormulaCheck.assertConsistent(line.formula(), line.value());
            }
        }
    }

    @Test
    void simpleModel_costsWhatAHandComputationSays() {
        EstimateReport r = CapacityEstimator.estimate(EstimateModels.simple(), EstimateOptions.defaults());
        assertEquals(1_000, r.entities().getFirst().itemBytes());
        TableEstimate t = r.tables().getFirst();
        double storageGb = 1_000_000 * 1_100d / 1_073_741_824d;
        // on-demand: 50 RRU/s and 10 WRU/s over 2,628,000 s
        double onDemand = 50 * 2_628_000 * 0.125e-6 + 10 * 2_628_000 * 0.625e-6 + storageGb * 0.25;
        assertEquals(onDemand, t.monthly().get(new Option(BillingMode.PAY_PER_REQUEST, TableClass.STANDARD)), 1e-9);
        // provisioned, auto-scaled to 70%: ceil(50 / 0.7) = 72 RCU, ceil(10 / 0.7) = 15 WCU for 730 hours
        double provisioned = 72 * 730 * 0.00013 + 15 * 730 * 0.00065 + storageGb * 0.25;
        Option best = new Option(BillingMode.PROVISIONED, TableClass.STANDARD);
        assertEquals(provisioned, t.monthly().get(best), 1e-9);
        assertEquals(best, t.recommended());
        // on-demand and provisioned meet where 2 RCU + 1 WCU cost what the same traffic costs on-demand
        double perRequestRate = (50 * 2_628_000 * 0.125e-6 + 10 * 2_628_000 * 0.625e-6) / 110;
        assertEquals((2 * 730 * 0.00013 + 730 * 0.00065) / perRequestRate, t.breakEvenRequestsPerSecond(), 1e-6);
        // the free tier covers 25 WCU, 25 RCU and 25 GB once for the account
        double free = 15 * 730 * 0.00065 + 25 * 730 * 0.00013 + storageGb * 0.25;
        assertEquals(provisioned - free, r.monthlyTotal(), 1e-9);
    }

    @Test
    void onDemandWins_whenProvisionedUtilizationIsTooLow() {
        DataModel spiky = EstimateModels.simple();
        spiky = spiky.withPatterns(spiky.patterns().stream()
                .map(p -> p.withRate(new dev.keysmith.modeler.model.Rate(1, 100)))
                .toList());
        EstimateReport r = CapacityEstimator.estimate(
                spiky, EstimateOptions.defaults().withProvisioning(Provisioning.FIXED_AT_PEAK));
        TableEstimate t = r.tables().getFirst();
        assertEquals(BillingMode.PAY_PER_REQUEST, t.recommended().mode());
        assertNull(t.breakEvenRequestsPerSecond());
        assertTrue(t.recommendation().contains("On-demand stays cheaper"), t.recommendation());
    }

    @Test
    void sampleItems_sizeTheirEntityType() {
        EstimateReport r = CapacityEstimator.estimate(TestModels.shop(), EstimateOptions.defaults());
        EntitySize customer = r.entities().stream()
                .filter(e -> e.entity().equals("Customer"))
                .findFirst()
                .orElseThrow();
        // {"PK": "CUSTOMER#1", "SK": "PROFILE", "email": "a@example.com"}: 12 + 9 + 18 = 39 B
        assertEquals(new SampleStats(1, 39, 39), customer.samples());
        assertEquals(39, customer.itemBytes());
        // the model alone: PK 2+9+16, SK 2+7, GSI1PK 6+6+30, email 5+30, name 4+20, expiresAt 9+6 = 152 B
        assertEquals(152, customer.modelBytes());
    }

    @Test
    void underProvisionedTable_isWarnedAbout() {
        EstimateReport r = CapacityEstimator.estimate(TestModels.shop(), EstimateOptions.defaults());
        // Orders: 5 WCU without auto scaling; "Place order" writes 10 one-unit Order items per second
        assertTrue(
                r.warnings()
                        .contains("table Orders is provisioned with at most 5 WCU but its patterns need 10 WCU at"
                                + " peak; writes above it are throttled once burst capacity is spent"),
                r.warnings().toString());
        // reads: auto scaling up to 100 RCU covers 40 x 0.5 + 10 x 0.5 at peak x 3
        assertTrue(
                r.warnings().stream().noneMatch(w -> w.contains("RCU but its patterns need")),
                r.warnings().toString());
    }

    @Test
    void perIndexCosts_areSeparateLines() {
        EstimateReport r = library();
        assertTrue(r.lines().stream()
                .anyMatch(l -> l.scope().equals("table Books [on-demand Standard] index ByAuthor")
                        && l.name().equals("on-demand writes (Standard)")));
        assertTrue(r.lines().stream()
                .anyMatch(l -> l.scope().equals("table Books [provisioned Standard] index ByIsbn")
                        && l.name().equals("storage (Standard)")));
    }
}

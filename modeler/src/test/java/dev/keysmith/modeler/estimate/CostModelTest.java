package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.modeler.estimate.CostModel.Kind;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.Consistency;
import dev.keysmith.modeler.model.TableClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected amounts are the worked examples of reference §6.5, §3.5 and §6.3, with the bundled prices. */
class CostModelTest {
    private static final double GIB = 1_073_741_824d;
    private final CostModel costs = new CostModel(PriceTable.bundled());

    private static double checked(LineItem line) {
        FormulaCheck.assertConsistent(line.formula(), line.value());
        return line.value();
    }

    @Test
    void onDemandWorkedExample_writesReadsAndStorage() {
        // 10 M writes of 1.5 KB items = 2 WRU each -> 20 M WRU x $0.625/M = $12.50
        double wru = 10_000_000 * CapacityMath.write(0, 1_536, false).units();
        assertEquals(12.50, checked(costs.onDemand("t", Kind.WRITE, wru, TableClass.STANDARD)), 1e-9);
        // 50 M eventually consistent reads of 3 KB items = 0.5 RRU each -> 25 M RRU x $0.125/M = $3.13
        double rru =
                50_000_000 * CapacityMath.getItem(3_072, Consistency.EVENTUAL).units();
        LineItem reads = costs.onDemand("t", Kind.READ, rru, TableClass.STANDARD);
        assertEquals(3.125, checked(reads), 1e-9);
        assertEquals("$3.13", Fmt.cents(reads.value()));
        // 40 GiB of items + 100 B x 30 M items = 42.79 GiB; minus 25 GB free = 17.79 x $0.25 = $4.45
        double bytes = 40 * GIB + 100d * 30_000_000;
        double storage = checked(costs.storage("t", bytes, TableClass.STANDARD)) + checked(costs.freeStorage(bytes));
        assertEquals("$4.45", Fmt.cents(storage));
    }

    @Test
    void provisionedWorkedExample_withAndWithoutTheFreeTier() {
        Load writes = new Load(100, 100);
        Load reads = new Load(500, 500);
        double wcuHours = checked(costs.provisionedUnitHours("t", Kind.WRITE, writes, Provisioning.FIXED_AT_PEAK));
        double rcuHours = checked(costs.provisionedUnitHours("t", Kind.READ, reads, Provisioning.FIXED_AT_PEAK));
        assertEquals(73_000, wcuHours);
        double gross = checked(costs.provisioned("t", Kind.WRITE, wcuHours, TableClass.STANDARD))
                + checked(costs.provisioned("t", Kind.READ, rcuHours, TableClass.STANDARD));
        assertEquals(94.90, gross, 1e-9);
        double net = gross
                + checked(costs.freeProvisioned(Kind.WRITE, wcuHours))
                + checked(costs.freeProvisioned(Kind.READ, rcuHours));
        assertEquals(80.665, net, 1e-9);
        assertEquals("$80.67", Fmt.cents(net));
    }

    @Test
    void globalTableInTwoRegions_paysAReplicatedWriteForEachWrite() {
        double wru = 20_000_000;
        double home = checked(costs.onDemand("t", Kind.WRITE, wru, TableClass.STANDARD));
        double replica = checked(costs.replicatedWrites("t", BillingMode.PAY_PER_REQUEST, wru, 1, TableClass.STANDARD));
        assertEquals(home, replica, 1e-9);
        assertEquals(12.50, replica, 1e-9);
    }

    @Test
    void streamsWorkedExample_fourShardsPolledEverySecond() {
        // 10,368,000 GetRecords calls a month, minus 2.5 M free = 7,868,000 x $0.02 / 100,000 = $1.57
        double requests = 10_368_000;
        double net = checked(costs.streamReads("t", requests)) + checked(costs.freeStreamReads(requests));
        assertEquals(1.5736, net, 1e-9);
        assertEquals("$1.57", Fmt.cents(net));
    }

    @Test
    void oneYearReservedBlockOf100Wcu_costsAbout0point000299PerWcuHour() {
        // (150 / 8,760 + 0.0128) / 100 = $0.000299 per WCU-hour (reference §6.3, item 5), over 730 hours
        double monthly = checked(costs.reservation(Kind.WRITE, 100, 1));
        assertEquals((150 / 8_760d + 0.0128) / 100 * 100 * 730, monthly, 1e-9);
        assertEquals(150 / 12d + 0.0128 * 730, monthly, 1e-9);
    }

    @Test
    void reservedUnitsCoverAtMostTheProvisionedHours() {
        assertEquals(-100 * 730 * 0.00065, checked(costs.reservationCredit(Kind.WRITE, 100, 200 * 730)), 1e-9);
        assertEquals(-50 * 730 * 0.00065, checked(costs.reservationCredit(Kind.WRITE, 100, 50 * 730)), 1e-9);
    }

    @Test
    void autoScaling_provisionsTheAverageOverTheTarget() {
        LineItem hours = costs.provisionedUnitHours("t", Kind.WRITE, new Load(10, 40), Provisioning.DEFAULT);
        // ceil(10 / 0.7) = 15 WCU all month
        assertEquals(15 * 730, checked(hours));
    }

    @Test
    void autoScaling_followsTheHourlyProfile() {
        List<Double> profile = new ArrayList<>(Collections.nCopies(24, 1.0));
        profile.set(12, 13.0); // noon carries 13 of 36 weights
        LineItem hours = costs.provisionedUnitHours("t", Kind.READ, new Load(36, 36), new Provisioning(0.5, profile));
        // average 36 RCU/s: 23 hours at 36 x 24/36 = 24 -> 48 units; noon at 36 x 13 x 24/36 = 312 -> 624 units
        assertEquals((23 * 48 + 624) * 730 / 24d, checked(hours), 1e-6);
    }

    @Test
    void provisionedCapacityIsAtLeastOneUnit() {
        assertEquals(730, checked(costs.provisionedUnitHours("t", Kind.READ, Load.NONE, Provisioning.DEFAULT)));
        assertEquals(730, checked(costs.provisionedUnitHours("t", Kind.READ, Load.NONE, Provisioning.FIXED_AT_PEAK)));
    }

    @Test
    void fixedProvisioningCoversThePeak() {
        assertEquals(
                13 * 730,
                checked(costs.provisionedUnitHours("t", Kind.WRITE, new Load(5, 12.5), Provisioning.FIXED_AT_PEAK)));
    }

    @Test
    void standardInfrequentAccess_storesForLessAndServesForMore() {
        double bytes = 100 * GIB;
        assertEquals(25, checked(costs.storage("t", bytes, TableClass.STANDARD)), 1e-9);
        assertEquals(10, checked(costs.storage("t", bytes, TableClass.STANDARD_INFREQUENT_ACCESS)), 1e-9);
        assertEquals(0.78, checked(costs.onDemand("t", Kind.WRITE, 1_000_000, TableClass.STANDARD_INFREQUENT_ACCESS)));
    }

    @Test
    void backups_areBilledOnTheTableSize() {
        assertEquals(2, checked(costs.pointInTimeRecovery("t", 10 * GIB)), 1e-9);
        assertEquals(3, checked(costs.onDemandBackups("t", 10 * GIB, 3)), 1e-9);
    }

    @Test
    void badProvisioningInputs_areRejectedWithAReason() {
        var target = assertThrows(IllegalArgumentException.class, () -> new Provisioning(1.5, null));
        assertEquals("The auto-scaling target utilization must be between 0.2 and 0.9, not 1.5", target.getMessage());
        var profile = assertThrows(IllegalArgumentException.class, () -> new Provisioning(0.7, List.of(1.0, 2.0)));
        assertEquals("The hourly traffic profile needs 24 values (one per hour), not 2", profile.getMessage());
    }
}

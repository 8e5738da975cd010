package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ContinuousBackupsTest {
    private static final Instant START = Instant.parse("2026-01-10T12:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final KeysmithEngine engine =
            KeysmithEngine.open(EngineConfig.inMemory().withClock(clock));

    @AfterEach
    void close() {
        engine.close();
    }

    private PointInTimeRecoveryDescription describe() {
        var d = engine.describeContinuousBackups(b -> b.tableName("tbl")).continuousBackupsDescription();
        assertEquals(ContinuousBackupsStatus.ENABLED, d.continuousBackupsStatus());
        return d.pointInTimeRecoveryDescription();
    }

    private void setRecovery(boolean enabled, Integer days) {
        engine.updateContinuousBackups(b -> b.tableName("tbl")
                .pointInTimeRecoverySpecification(
                        s -> s.pointInTimeRecoveryEnabled(enabled).recoveryPeriodInDays(days)));
    }

    @Test
    void aNewTableHasBackupsEnabledAndPointInTimeRecoveryDisabled() {
        Fixtures.createTable(engine, "tbl", "pk", ScalarAttributeType.S);
        PointInTimeRecoveryDescription pitr = describe();
        assertEquals(PointInTimeRecoveryStatus.DISABLED, pitr.pointInTimeRecoveryStatus());
        assertNull(pitr.earliestRestorableDateTime());
    }

    @Test
    void enablingRecoveryShowsTheRestorableWindow() {
        Fixtures.createTable(engine, "tbl", "pk", ScalarAttributeType.S);
        setRecovery(true, null);
        clock.advance(Duration.ofHours(1));
        PointInTimeRecoveryDescription pitr = describe();
        assertEquals(PointInTimeRecoveryStatus.ENABLED, pitr.pointInTimeRecoveryStatus());
        assertEquals(35, pitr.recoveryPeriodInDays());
        assertEquals(START, pitr.earliestRestorableDateTime());
        assertEquals(START.plus(Duration.ofMinutes(55)), pitr.latestRestorableDateTime());

        clock.advance(Duration.ofDays(40));
        setRecovery(true, 7);
        pitr = describe();
        assertEquals(7, pitr.recoveryPeriodInDays());
        assertEquals(clock.instant().minus(Duration.ofDays(7)), pitr.earliestRestorableDateTime());

        setRecovery(false, null);
        assertEquals(PointInTimeRecoveryStatus.DISABLED, describe().pointInTimeRecoveryStatus());
    }

    @Test
    void badRequestsAndMissingTablesAreRejected() {
        Fixtures.createTable(engine, "tbl", "pk", ScalarAttributeType.S);
        assertError(
                "ValidationException",
                "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays'"
                        + " failed to satisfy constraint: Member must have value less than or equal to 35",
                () -> setRecovery(true, 36));
        assertError(
                "ValidationException",
                "1 validation error detected: Value null at 'pointInTimeRecoverySpecification' failed to satisfy"
                        + " constraint: Member must not be null",
                () -> engine.updateContinuousBackups(b -> b.tableName("tbl")));
        assertError(
                "TableNotFoundException",
                "Table not found: nope",
                () -> engine.describeContinuousBackups(b -> b.tableName("nope")));
    }
}

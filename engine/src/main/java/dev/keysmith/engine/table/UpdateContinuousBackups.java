package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoverySpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;

/** UpdateContinuousBackups: turns point-in-time recovery on (with its recovery period, 1-35 days) or off. */
final class UpdateContinuousBackups {
    static final int MIN_PERIOD_DAYS = 1;
    static final int MAX_PERIOD_DAYS = 35;
    private static final String SPEC = "pointInTimeRecoverySpecification";

    private UpdateContinuousBackups() {}

    static UpdateContinuousBackupsResponse execute(
            Storage storage, Catalog catalog, EngineConfig config, UpdateContinuousBackupsRequest request) {
        PointInTimeRecoverySpecification spec = request.pointInTimeRecoverySpecification();
        if (spec == null) {
            throw Errors.validation("1 validation error detected: Value null at '" + SPEC
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (spec.pointInTimeRecoveryEnabled() == null) {
            throw Errors.validation("1 validation error detected: Value null at '" + SPEC
                    + ".pointInTimeRecoveryEnabled' failed to satisfy constraint: Member must not be null");
        }
        Integer days = spec.recoveryPeriodInDays();
        if (days != null && (days < MIN_PERIOD_DAYS || days > MAX_PERIOD_DAYS)) {
            String rule = days < MIN_PERIOD_DAYS
                    ? "Member must have value greater than or equal to " + MIN_PERIOD_DAYS
                    : "Member must have value less than or equal to " + MAX_PERIOD_DAYS;
            throw Errors.validation("1 validation error detected: Value '" + days + "' at '" + SPEC
                    + ".recoveryPeriodInDays' failed to satisfy constraint: " + rule);
        }
        boolean enable = spec.pointInTimeRecoveryEnabled();
        Instant now = config.clock().instant();
        ContinuousBackups after = storage.write(tx -> {
            TableDef table = ContinuousBackups.requireTable(tx, catalog, request.tableName());
            ContinuousBackups before = ContinuousBackups.read(tx, table);
            ContinuousBackups next = enable
                    ? new ContinuousBackups(
                            before.enabledAt() == null ? now : before.enabledAt(),
                            days == null ? before.recoveryPeriodInDays() : days)
                    : ContinuousBackups.DISABLED;
            next.write(tx, table);
            return next;
        });
        return UpdateContinuousBackupsResponse.builder()
                .continuousBackupsDescription(after.describe(now))
                .build();
    }
}

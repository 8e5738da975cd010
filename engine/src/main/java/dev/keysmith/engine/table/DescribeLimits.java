package dev.keysmith.engine.table;

import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;

/** DescribeLimits: DynamoDB's default account quotas (AWS service quotas, per region). */
final class DescribeLimits {
    /** The default per-account capacity quota, in RCU and in WCU. */
    static final long ACCOUNT_MAX_CAPACITY = 80_000;
    /** The default per-table capacity quota, in RCU and in WCU. */
    static final long TABLE_MAX_CAPACITY = 40_000;

    private DescribeLimits() {}

    static DescribeLimitsResponse execute() {
        return DescribeLimitsResponse.builder()
                .accountMaxReadCapacityUnits(ACCOUNT_MAX_CAPACITY)
                .accountMaxWriteCapacityUnits(ACCOUNT_MAX_CAPACITY)
                .tableMaxReadCapacityUnits(TABLE_MAX_CAPACITY)
                .tableMaxWriteCapacityUnits(TABLE_MAX_CAPACITY)
                .build();
    }
}

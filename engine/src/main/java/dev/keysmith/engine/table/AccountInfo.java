package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/** DescribeLimits and DescribeEndpoints: fixed account-level answers. */
final class AccountInfo {
    /** DynamoDB's default per-account capacity quota (per region), in RCU and in WCU (AWS service quotas). */
    static final long ACCOUNT_MAX_CAPACITY = 80_000;
    /** DynamoDB's default per-table capacity quota, in RCU and in WCU. */
    static final long TABLE_MAX_CAPACITY = 40_000;
    /** The cache period DynamoDB gives its endpoints. */
    static final long ENDPOINT_CACHE_MINUTES = 1440;

    private AccountInfo() {}

    static DescribeLimitsResponse limits() {
        return DescribeLimitsResponse.builder()
                .accountMaxReadCapacityUnits(ACCOUNT_MAX_CAPACITY)
                .accountMaxWriteCapacityUnits(ACCOUNT_MAX_CAPACITY)
                .tableMaxReadCapacityUnits(TABLE_MAX_CAPACITY)
                .tableMaxWriteCapacityUnits(TABLE_MAX_CAPACITY)
                .build();
    }

    /** This endpoint: the regional DynamoDB host name, as DynamoDB answers. */
    static DescribeEndpointsResponse endpoints(EngineConfig config) {
        return DescribeEndpointsResponse.builder()
                .endpoints(Endpoint.builder()
                        .address("dynamodb." + config.region() + ".amazonaws.com")
                        .cachePeriodInMinutes(ENDPOINT_CACHE_MINUTES)
                        .build())
                .build();
    }
}

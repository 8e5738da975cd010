package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/** DescribeEndpoints: the regional DynamoDB endpoint this engine stands for, as DynamoDB answers. */
final class DescribeEndpoints {
    /** The cache period DynamoDB gives its endpoint (one day). */
    static final long CACHE_MINUTES = 1440;

    private DescribeEndpoints() {}

    static DescribeEndpointsResponse execute(EngineConfig config) {
        return DescribeEndpointsResponse.builder()
                .endpoints(Endpoint.builder()
                        .address("dynamodb." + config.region() + ".amazonaws.com")
                        .cachePeriodInMinutes(CACHE_MINUTES)
                        .build())
                .build();
    }
}

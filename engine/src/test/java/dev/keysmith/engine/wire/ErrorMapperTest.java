package dev.keysmith.engine.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** SDK exceptions built without error details (as a client may throw them) still map to DynamoDB's wire codes. */
class ErrorMapperTest {

    private static void assertMapped(DynamoDbException error, int status, String body) {
        WireResponse response = ErrorMapper.toResponse(error, WireHandler.AMZ_JSON);
        assertEquals(status, response.status());
        assertEquals(body, new String(response.body(), UTF_8));
    }

    @Test
    void internalServerErrorException_isTheRetryable500() {
        assertMapped(
                InternalServerErrorException.builder().message("boom").build(),
                500,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"boom\"}");
    }

    @Test
    void sdkClassNamesThatDifferFromTheWireCode_useTheWireCode() {
        assertMapped(
                RequestLimitExceededException.builder().message("slow down").build(),
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded\",\"message\":\"slow down\"}");
    }

    @Test
    void streamsErrors_useTheDynamoDbNamespace() {
        assertMapped(
                ExpiredIteratorException.builder().message("Iterator expired").build(),
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\",\"message\":\"Iterator"
                        + " expired\"}");
    }

    @Test
    void genericExceptionWithoutACode_isAServerError() {
        assertMapped(
                (DynamoDbException) DynamoDbException.builder().message("odd").build(),
                500,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"odd\"}");
    }
}

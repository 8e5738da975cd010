package dev.keysmith.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** SigV4 mode, exercised with the real AWS SDK signer and with hand-made requests. */
class WireSigV4Test {
    private static final StubDynamo stub = new StubDynamo();
    private static WireServer server;

    @BeforeAll
    static void start() throws IOException {
        server = WireServer.start(
                stub, null, new WireConfig("127.0.0.1", 0, Map.of("AKIDKEYSMITH", "right-secret"), "us-east-1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        stub.received.clear();
        stub.answer = request -> GetItemResponse.builder()
                .item(Map.of("pk", AttributeValue.fromS("signed")))
                .build();
    }

    private static GetItemResponse getItemAs(String accessKey, String secret) {
        try (DynamoDbClient client = LocalBackend.sdkClient(server.endpoint(), accessKey, secret)) {
            return client.getItem(b -> b.tableName("t").key(Map.of("pk", AttributeValue.fromS("signed"))));
        }
    }

    @Test
    void requestSignedWithTheConfiguredSecret_isServed() {
        assertEquals(
                AttributeValue.fromS("signed"),
                getItemAs("AKIDKEYSMITH", "right-secret").item().get("pk"));
        assertEquals(1, stub.received.size());
    }

    @Test
    void requestSignedWithAWrongSecret_isInvalidSignatureException() {
        DynamoDbException denied =
                assertThrows(DynamoDbException.class, () -> getItemAs("AKIDKEYSMITH", "wrong-secret"));
        assertEquals("InvalidSignatureException", denied.awsErrorDetails().errorCode());
        assertEquals(400, denied.statusCode());
        assertEquals(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
                        + " Access Key and signing method. Consult the service documentation for details.",
                denied.awsErrorDetails().errorMessage());
        assertTrue(stub.received.isEmpty());
    }

    @Test
    void requestSignedWithAnUnknownAccessKey_isUnrecognizedClientException() {
        DynamoDbException denied = assertThrows(DynamoDbException.class, () -> getItemAs("AKIDSTRANGER", "whatever"));
        assertEquals("UnrecognizedClientException", denied.awsErrorDetails().errorCode());
        assertEquals(
                "The security token included in the request is invalid.",
                denied.awsErrorDetails().errorMessage());
        assertTrue(stub.received.isEmpty());
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken_butSyntaxErrorsComeFirst() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> unsigned = http.send(
                HttpRequest.newBuilder(server.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"t\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unsigned.statusCode());
        assertEquals(
                "{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\",\"message\":\"Request is"
                        + " missing Authentication Token\"}",
                unsigned.body());

        HttpResponse<String> malformed = http.send(
                HttpRequest.newBuilder(server.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\"}", malformed.body());
        assertTrue(stub.received.isEmpty());
    }

    @Test
    void authorizationWithoutItsParameters_isIncompleteSignatureException() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                        .header("X-Amz-Date", "20261122T000000Z")
                        .header("Authorization", "AWS4-HMAC-SHA256 Signature=abcd")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals(
                "{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":\"Authorization"
                        + " header requires 'Credential' parameter. Authorization header requires 'SignedHeaders'"
                        + " parameter. Authorization=AWS4-HMAC-SHA256 Signature=abcd\"}",
                response.body());
    }
}

package dev.keysmith.engine.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.error.Errors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The wire protocol seen as raw HTTP: status codes, headers and exact bodies for good and bad input. */
class WireHttpProtocolTest {
    private static final String AMZ_JSON = "application/x-amz-json-1.0";
    private static final StubDynamo stub = new StubDynamo();
    private static WireServer server;
    private static final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws IOException {
        server = WireServer.start(stub, null, WireConfig.defaults(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        stub.received.clear();
        stub.answer = request -> GetItemResponse.builder().build();
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        return send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", AMZ_JSON)
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertEquals(status, response.statusCode());
        assertEquals(body, response.body());
        assertEquals(AMZ_JSON, response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void getItem_decodesTheRequestAndEncodesTheResponse() throws Exception {
        stub.answer = request -> GetItemResponse.builder()
                .item(Map.of("pk", AttributeValue.fromS("a")))
                .build();
        HttpResponse<String> response = post(
                "DynamoDB_20120810.GetItem",
                "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConsistentRead\":true,\"Unknown\":[1,{}]}");

        assertAnswer(response, 200, "{\"Item\":{\"pk\":{\"S\":\"a\"}}}");
        GetItemRequest decoded = (GetItemRequest) stub.received.getFirst();
        assertEquals("t", decoded.tableName());
        assertEquals(Map.of("pk", AttributeValue.fromS("a")), decoded.key());
        assertTrue(decoded.consistentRead());
    }

    @Test
    void emptyResponse_isAnEmptyObject() throws Exception {
        stub.answer = request -> PutItemResponse.builder().build();
        assertAnswer(
                post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}}"), 200, "{}");
    }

    @Test
    void timestamps_areEpochSecondsNumbers() throws Exception {
        stub.answer = request -> DescribeTableResponse.builder()
                .table(TableDescription.builder()
                        .tableName("t")
                        .creationDateTime(Instant.ofEpochMilli(1_700_000_000_123L))
                        .build())
                .build();
        assertAnswer(
                post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"t\"}"),
                200,
                "{\"Table\":{\"TableName\":\"t\",\"CreationDateTime\":1700000000.123}}");
    }

    @Test
    void responseHeaders_carryCrc32OfTheBodyAndAUniqueRequestId() throws Exception {
        HttpResponse<String> first = post("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\"}");
        HttpResponse<String> second = post("DynamoDB_20120810.NoSuchThing", "{}");

        for (HttpResponse<String> response : List.of(first, second)) {
            CRC32 crc = new CRC32();
            crc.update(response.body().getBytes(UTF_8));
            assertEquals(
                    Long.toString(crc.getValue()),
                    response.headers().firstValue("x-amz-crc32").orElseThrow());
            assertTrue(response.headers()
                    .firstValue("x-amzn-RequestId")
                    .orElseThrow()
                    .matches("[A-Z0-9]{52}"));
        }
        assertNotEquals(
                first.headers().firstValue("x-amzn-RequestId"), second.headers().firstValue("x-amzn-RequestId"));
    }

    @Test
    void malformedJson_isASerializationExceptionWithoutMessage() throws Exception {
        String expected = "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";
        assertAnswer(post("DynamoDB_20120810.GetItem", "{\"TableName\":"), 400, expected);
        assertAnswer(post("DynamoDB_20120810.GetItem", "{} trailing"), 400, expected);
        assertAnswer(post("DynamoDB_20120810.GetItem", ""), 400, expected);
        assertTrue(stub.received.isEmpty());
    }

    @Test
    void jsonNestedBeyondTheParserLimit_isASerializationExceptionNotA500() throws Exception {
        String deep = "{\"L\":[".repeat(3000) + "{\"S\":\"x\"}" + "]}".repeat(3000);
        assertAnswer(
                post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{\"a\":" + deep + "}}"),
                400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void wrongJsonTypes_areSerializationExceptionsInDynamoDbWords() throws Exception {
        Map<String, String> messagesByBody = Map.of(
                "{\"TableName\":5}", "NUMBER_VALUE cannot be converted to String",
                "{\"TableName\":{}}", "Start of structure or map found where not expected",
                "{\"TableName\":[]}", "Start of list found where not expected",
                "{\"ConsistentRead\":\"yes\"}", "STRING_VALUE cannot be converted to Boolean",
                "{\"Key\":{\"pk\":{\"N\":5}}}", "NUMBER_VALUE cannot be converted to String",
                "{\"Key\":[]}", "Start of list found where not expected",
                "{\"AttributesToGet\":{}}", "Start of structure or map found where not expected",
                "{\"AttributesToGet\":\"a\"}", "Unexpected field type",
                "{\"Key\":{\"pk\":{\"B\":\"abc\"}}}",
                        "'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes"
                                + " but found: 3");
        for (Map.Entry<String, String> testCase : messagesByBody.entrySet()) {
            assertAnswer(
                    post("DynamoDB_20120810.GetItem", testCase.getKey()),
                    400,
                    "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"Message\":\""
                            + testCase.getValue() + "\"}");
        }
        assertTrue(stub.received.isEmpty());
    }

    @Test
    void attributeValueWithNoOrSeveralTypes_isAValidationException() throws Exception {
        assertAnswer(
                post("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\",\"Key\":{\"pk\":{}}}"),
                400,
                "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\""
                        + "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes\"}");
        assertAnswer(
                post("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}"),
                400,
                "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Supplied"
                        + " AttributeValue has more than one datatypes set, must contain exactly one of the supported"
                        + " datatypes\"}");
        // type checks come first: a later serialization error wins over an earlier empty AttributeValue
        assertAnswer(
                post("DynamoDB_20120810.GetItem", "{\"Key\":{\"pk\":{}},\"TableName\":1}"),
                400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"Message\":"
                        + "\"NUMBER_VALUE cannot be converted to String\"}");
    }

    @Test
    void unknownOrMissingTarget_isUnknownOperationException() throws Exception {
        String expected = "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";
        assertAnswer(post("DynamoDB_20120810.Frobnicate", "{}"), 400, expected);
        assertAnswer(post("DynamoDB_20111205.GetItem", "{}"), 400, expected);
        assertAnswer(post("DynamoDBStreams_20120810.GetRecords", "{}"), 400, expected); // no streams client given
        assertAnswer(
                send(HttpRequest.newBuilder(server.endpoint())
                        .header("Content-Type", AMZ_JSON)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))),
                400,
                expected);
        // a syntax error is reported before the target is looked at
        assertAnswer(
                post("DynamoDB_20120810.Frobnicate", "{"),
                400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void operationTheClientDoesNotImplement_isUnknownOperationExceptionNotA500() throws Exception {
        assertAnswer(
                post("DynamoDB_20120810.CreateBackup", "{\"TableName\":\"t\",\"BackupName\":\"b\"}"),
                400,
                "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"The operation"
                        + " DynamoDB_20120810.CreateBackup is not supported by this endpoint\"}");
    }

    @Test
    void unexpectedClientFailure_isInternalServerError500_andTheServerKeepsServing() throws Exception {
        stub.answer = request -> {
            throw new NullPointerException("bug in the engine");
        };
        assertAnswer(
                post("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\"}"),
                500,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server"
                        + " error\"}");
        stub.answer = request -> GetItemResponse.builder().build();
        assertAnswer(post("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\"}"), 200, "{}");
    }

    @Test
    void engineErrors_mapToDynamoDbNamespacesAndMessageKeys() throws Exception {
        Map<RuntimeException, String> bodies = Map.of(
                Errors.validation("One or more parameter values were invalid: bad"),
                "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter"
                        + " values were invalid: bad\"}",
                Errors.tableNotFound("t"),
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested"
                        + " resource not found: Table: t not found\"}",
                Errors.conditionalCheckFailed(Map.of("pk", AttributeValue.fromS("a"))),
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The"
                        + " conditional request failed\",\"Item\":{\"pk\":{\"S\":\"a\"}}}",
                Errors.conditionalCheckFailed(null),
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The"
                        + " conditional request failed\"}",
                Errors.of("ThrottlingException", "Rate of requests exceeds the allowed throughput.", 400),
                "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"message\":\"Rate of requests"
                        + " exceeds the allowed throughput.\"}");
        for (Map.Entry<RuntimeException, String> testCase : bodies.entrySet()) {
            stub.answer = request -> {
                throw testCase.getKey();
            };
            assertAnswer(post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\"}"), 400, testCase.getValue());
        }
    }

    @Test
    void transactionCanceled_carriesCapitalisedMessageAndCancellationReasons() throws Exception {
        String message = "Transaction cancelled, please refer cancellation reasons for specific reasons [None,"
                + " ConditionalCheckFailed]";
        stub.answer = request -> {
            throw TransactionCanceledException.builder()
                    .message(message)
                    .statusCode(400)
                    .cancellationReasons(
                            CancellationReason.builder().code("None").build(),
                            CancellationReason.builder()
                                    .code("ConditionalCheckFailed")
                                    .message("The conditional request failed")
                                    .build())
                    .build();
        };
        assertAnswer(
                post("DynamoDB_20120810.TransactWriteItems", "{\"TransactItems\":[]}"),
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\",\"Message\":\""
                        + message
                        + "\",\"CancellationReasons\":[{\"Code\":\"None\"},{\"Code\":\"ConditionalCheckFailed\","
                        + "\"Message\":\"The conditional request failed\"}]}");
    }

    @Test
    void gzipRequestBody_isInflatedBeforeDecoding() throws Exception {
        stub.answer = request -> PutItemResponse.builder().build();
        byte[] json = "{\"TableName\":\"zipped\",\"Item\":{\"pk\":{\"S\":\"a\"}}}".getBytes(UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", AMZ_JSON)
                .header("Content-Encoding", "gzip")
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json))));

        assertAnswer(response, 200, "{}");
        assertEquals("zipped", ((PutItemRequest) stub.received.getFirst()).tableName());
    }

    @Test
    void gzipBodyInflatingBeyondTheLimit_isRejectedWith413() throws Exception {
        byte[] zeros = new byte[WireHandler.MAX_REQUEST_BYTES + 1];
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", AMZ_JSON)
                .header("Content-Encoding", "gzip")
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(zeros))));
        assertEquals(413, response.statusCode());
        assertTrue(stub.received.isEmpty());
    }

    @Test
    void declaredBodyOverTheLimit_isRejectedWith413BeforeReading() throws Exception {
        String head = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + AMZ_JSON
                + "\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\nContent-Length: "
                + (WireHandler.MAX_REQUEST_BYTES + 1) + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(head.getBytes(UTF_8));
            assertTrue(readHead(socket.getInputStream()).startsWith("HTTP/1.1 413"));
        }
    }

    @Test
    void corsPreflight_isAnsweredAndResponsesExposeHeaders() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(server.endpoint())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, preflight.statusCode());
        assertEquals(
                "*",
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(
                "POST",
                preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals(
                "content-type,x-amz-target,authorization",
                preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals(
                "172800",
                preflight.headers().firstValue("Access-Control-Max-Age").orElseThrow());

        HttpResponse<String> call = send(HttpRequest.newBuilder(server.endpoint())
                .header("Origin", "http://localhost:3000")
                .header("Content-Type", AMZ_JSON)
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"t\"}")));
        assertEquals(
                "*", call.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(call.headers()
                .firstValue("Access-Control-Expose-Headers")
                .orElseThrow()
                .contains("x-amzn-RequestId"));
    }

    @Test
    void nonPostOrWrongContentType_isUnknownOperation404_andGetIsAHealthCheck() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", AMZ_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, put.statusCode());
        assertEquals("<UnknownOperationException/>\n", put.body());

        HttpResponse<String> textPlain = send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "text/plain")
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, textPlain.statusCode());

        HttpResponse<String> get =
                send(HttpRequest.newBuilder(server.endpoint()).GET());
        assertEquals(200, get.statusCode());
        assertEquals("healthy: dynamodb.us-east-1.amazonaws.com ", get.body());
        assertTrue(stub.received.isEmpty());
    }

    @Test
    void plainJsonContentType_isAcceptedAndEchoed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/json")
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"t\"}")));
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void keepAliveChunkedBodiesAndExpectContinue_workOnOneConnection() throws Exception {
        String json = "{\"TableName\":\"t\"}";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + AMZ_JSON
                            + "\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n")
                    .getBytes(UTF_8));
            String first = readHead(in);
            assertTrue(first.startsWith("HTTP/1.1 200"), first);
            readBody(in, contentLength(first));

            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + AMZ_JSON
                            + "\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\nExpect: 100-continue\r\nContent-Length: "
                            + json.length() + "\r\n\r\n")
                    .getBytes(UTF_8));
            assertTrue(readHead(in).startsWith("HTTP/1.1 100"));
            out.write(json.getBytes(UTF_8));
            String second = readHead(in);
            assertTrue(second.startsWith("HTTP/1.1 200"), second);
            assertEquals("{}", readBody(in, contentLength(second)));
        }
        assertEquals(2, stub.received.size());
        assertInstanceOf(GetItemRequest.class, stub.received.get(1));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    private static String readBody(InputStream in, int length) throws IOException {
        return new String(in.readNBytes(length), UTF_8);
    }
}

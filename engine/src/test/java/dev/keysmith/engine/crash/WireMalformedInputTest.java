package dev.keysmith.engine.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.wire.WireConfig;
import dev.keysmith.engine.wire.WireServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The wire endpoint under hostile input: malformed and truncated JSON, wrong types, huge bodies, random bytes and
 * random {@code X-Amz-Target} values. Every answer must be a 4xx whose JSON body names a DynamoDB error type (never a
 * 500, never a hang: each request has a timeout), and the server must keep serving afterwards.
 */
class WireMalformedInputTest {
    private static final String AMZ_JSON = "application/x-amz-json-1.0";
    private static final String PREFIX = "DynamoDB_20120810.";
    private static final long SEED = 20_261_122L;

    /** The error types a client may legitimately get back for a bad request. */
    private static final Set<String> CLIENT_ERRORS = Set.of(
            "SerializationException",
            "ValidationException",
            "UnknownOperationException",
            "ResourceNotFoundException",
            "ConditionalCheckFailedException",
            "TransactionCanceledException",
            "ResourceInUseException",
            "LimitExceededException",
            "MissingAuthenticationTokenException",
            "IncompleteSignatureException");

    private static final Pattern TYPE = Pattern.compile("(?:[A-Za-z0-9.]+#)?([A-Za-z]+)");

    /** Well-formed requests for several operations; mutated below into bad ones. */
    private static final Map<String, String> VALID = Map.of(
            "PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}}",
            "GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ProjectionExpression\":\"pk\"}",
            "UpdateItem",
                    "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"UpdateExpression\":\"SET n = :v\","
                            + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"2\"}}}",
            "Query",
                    "{\"TableName\":\"tbl\",\"KeyConditionExpression\":\"pk = :p\",\"Limit\":5,"
                            + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}}}",
            "Scan", "{\"TableName\":\"tbl\",\"Limit\":2,\"Segment\":0,\"TotalSegments\":1}",
            "BatchWriteItem", "{\"RequestItems\":{\"tbl\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"}}}}]}}",
            "TransactWriteItems",
                    "{\"TransactItems\":[{\"Put\":{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"c\"}}}}]}",
            "CreateTable",
                    "{\"TableName\":\"tbl2\",\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}],"
                            + "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],"
                            + "\"BillingMode\":\"PAY_PER_REQUEST\"}");

    /** Bodies that are wrong for every operation. */
    private static final List<String> MALFORMED = List.of(
            "",
            "{",
            "}",
            "[]",
            "null",
            "123",
            "\"text\"",
            "{\"TableName\":}",
            "{\"TableName\":\"tbl\",}",
            "{\"TableName\":\"tbl\" \"Key\":{}}",
            "{'TableName':'tbl'}",
            "{\"TableName\":5}",
            "{\"TableName\":[\"t\"]}",
            "{\"TableName\":\"tbl\",\"Key\":\"pk\"}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":5}}}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"Z\":\"a\"}}}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{}}}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"N\":\"not a number\"}}}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"B\":\"%%% not base64\"}}}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"L\":{}}}}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"NULL\":\"yes\"}}}",
            "{\"TableName\":\"tbl\",\"Limit\":\"ten\"}",
            "{\"TableName\":\"tbl\",\"Limit\":1.5}",
            "{\"TableName\":\"tbl\",\"Limit\":1e999}",
            "{\"TableName\":\"tbl\",\"Limit\":99999999999999999999999}",
            "{\"TableName\":\"tbl\",\"ConsistentRead\":\"true\"}",
            "{\"TableName\":\"tbl\",\"TableName\":\"tbl\",\"Limit\":-1}",
            "{\"TableName\":\"tbl\"}\u0000",
            "{\"TableName\":\"tbl\"} trailing",
            "\uFEFF{\"TableName\":\"tbl\"}",
            "{\"TableName\":\"\\ud800\"}",
            "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ExpressionAttributeNames\":[1,2]}",
            "[".repeat(100_000),
            "{\"TableName\":\"" + "x".repeat(1_000_000) + "\"}");

    private static KeysmithEngine engine;
    private static WireServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        engine = KeysmithEngine.open(EngineConfig.inMemory());
        engine.createTable(b -> b.tableName("tbl")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
        server = WireServer.start(engine, null, WireConfig.defaults(0));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    void malformedBodies_areAnsweredWithAClientErrorForEveryOperation() throws Exception {
        for (String operation : VALID.keySet()) {
            if (operation.equals("Scan")) {
                continue; // {"TableName":"tbl"} plus fields Scan does not have is a valid Scan
            }
            for (String body : MALFORMED) {
                assertClientError(PREFIX + operation, body.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertServing();
    }

    @Test
    void truncatedAndRetypedBodies_areAnsweredWithAClientError() throws Exception {
        Random random = new Random(SEED);
        for (Map.Entry<String, String> valid : VALID.entrySet()) {
            String body = valid.getValue();
            for (int cut = 0; cut < body.length(); cut += 1 + random.nextInt(3)) {
                assertClientError(
                        PREFIX + valid.getKey(), body.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            }
            for (String retyped : retyped(body)) {
                assertClientError(PREFIX + valid.getKey(), retyped.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertServing();
    }

    @Test
    void randomBytes_areAnsweredWithAClientError() throws Exception {
        Random random = new Random(SEED);
        List<String> operations = new ArrayList<>(VALID.keySet());
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            if (body.length > 0) {
                body[0] = '{'; // looks like JSON for a byte, then is not
            }
            assertClientError(PREFIX + operations.get(random.nextInt(operations.size())), body);
        }
        assertServing();
    }

    @Test
    void randomTargets_areAnsweredWithAClientError() throws Exception {
        Random random = new Random(SEED);
        List<String> targets = new ArrayList<>(List.of(
                "",
                "DynamoDB_20120810",
                PREFIX,
                PREFIX + "NoSuchOperation",
                PREFIX + "putitem",
                "DynamoDB_20111205.PutItem",
                "Foo.PutItem",
                "PutItem",
                PREFIX + "PutItem.Extra",
                PREFIX + "PutItem ",
                PREFIX + "%F0%9F%98%80"));
        for (int i = 0; i < 40; i++) {
            StringBuilder target = new StringBuilder(random.nextBoolean() ? PREFIX : "");
            int n = random.nextInt(20);
            for (int c = 0; c < n; c++) {
                target.append((char) (0x21 + random.nextInt(0x5e)));
            }
            targets.add(target.toString());
        }
        for (String target : targets) {
            assertClientError(target, VALID.get("GetItem").getBytes(StandardCharsets.UTF_8));
            assertClientError(target, "{".getBytes(StandardCharsets.UTF_8));
        }
        assertServing();
    }

    @Test
    void hugeBody_isRefusedAndTheServerKeepsServing() throws Exception {
        String huge = "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}}}";
        assertClientError(PREFIX + "PutItem", huge.getBytes(StandardCharsets.UTF_8));
        assertServing();
    }

    @Test
    void deeplyNestedObjects_areAnsweredWithASerializationException() throws Exception {
        assertClientError(PREFIX + "PutItem", "{\"a\":".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        String closed = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
        assertEquals("400 SerializationException", statusAndType(PREFIX + "PutItem", closed));
        assertServing();
    }

    @Test
    void attributeValueNestedBeyond32Levels_isAValidationException() throws Exception {
        String body = "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"m\":" + "{\"M\":{\"x\":".repeat(200)
                + "{\"N\":\"1\"}" + "}}".repeat(200) + "}}";
        assertEquals("400 ValidationException", statusAndType(PREFIX + "PutItem", body));
        assertServing();
    }

    @Test
    void attributeValueNestedFarBeyondTheJsonDepthLimit_isASerializationException() throws Exception {
        String body = "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"l\":" + "{\"L\":[".repeat(20_000)
                + "{\"N\":\"1\"}" + "]}".repeat(20_000) + "}}";
        assertEquals("400 SerializationException", statusAndType(PREFIX + "PutItem", body));
        assertServing();
    }

    @Test
    void deeplyParenthesizedExpression_isAValidationException() throws Exception {
        String expression = "(".repeat(10_000) + "n = :v" + ")".repeat(10_000);
        String body = "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ConditionExpression\":\"" + expression
                + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}";
        assertEquals("400 ValidationException", statusAndType(PREFIX + "PutItem", body));
        assertServing();
    }

    /** The HTTP status and the error type (after any namespace) of the answer to a request. */
    private static String statusAndType(String target, String body) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(server.endpoint())
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", AMZ_JSON)
                        .header("X-Amz-Target", target)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String type = errorType(response.body());
        return response.statusCode() + " " + (type == null ? null : type.substring(type.indexOf('#') + 1));
    }

    /** The body with each scalar value in turn replaced by a value of another JSON type. */
    private static List<String> retyped(String body) {
        List<String> variants = new ArrayList<>();
        Matcher strings = Pattern.compile(":\"[^\"]*\"").matcher(body);
        while (strings.find()) {
            variants.add(body.substring(0, strings.start()) + ":{\"x\":[]}" + body.substring(strings.end()));
            variants.add(body.substring(0, strings.start()) + ":17" + body.substring(strings.end()));
        }
        Matcher objects = Pattern.compile(":\\{").matcher(body);
        while (objects.find()) {
            variants.add(body.substring(0, objects.start()) + ":\"o\"," + "\"_\":{" + body.substring(objects.end()));
        }
        return variants;
    }

    private static void assertClientError(String target, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", AMZ_JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!target.isEmpty()) {
            request.header("X-Amz-Target", target);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String shown = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        String answer = new String(response.body(), StandardCharsets.UTF_8);
        String context = "target " + target + ", body " + shown + " -> " + response.statusCode() + " " + answer;
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, context);
        if (response.statusCode() == 413 && response.body().length == 0) {
            return; // request entity too large: refused before it is read as JSON
        }
        String type = errorType(response.body());
        if (type == null) {
            fail("no __type in the answer: " + context);
        }
        Matcher matcher = TYPE.matcher(type);
        assertTrue(
                matcher.matches() && CLIENT_ERRORS.contains(matcher.group(1)), "error type " + type + ": " + context);
    }

    private static @Nullable String errorType(byte[] json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("__type")) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        }
    }

    /** A valid request still succeeds: the server survived what came before. */
    private static void assertServing() throws Exception {
        engine.putItem(b -> b.tableName("tbl").item(Map.of("pk", AttributeValue.fromS("alive"))));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.endpoint())
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", AMZ_JSON)
                        .header("X-Amz-Target", PREFIX + "GetItem")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"alive\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("{\"Item\":{\"pk\":{\"S\":\"alive\"}}}", response.body());
    }
}

package dev.keysmith.engine.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query and Scan through the endpoint: the body written from stored items is byte for byte the body the generic path
 * writes from the engine's SDK response, for whole and projected items, filters, empty pages, Select COUNT, index
 * reads (with fetches from the table), pagination, capacity and legacy parameters; and the real SDK over the wire
 * gets what the engine returns in process.
 */
class StoredItemsWireTest {
    private static KeysmithEngine engine;
    private static WireServer server;
    private static DynamoDbClient sdk;
    private static WireHandler direct;
    private static WireHandler generic;
    /** Query and Scan responses the engine returned to {@link #direct} with their items inside. */
    private static final AtomicInteger responsesWithItems = new AtomicInteger();

    @BeforeAll
    static void setUp() {
        engine = KeysmithEngine.open(EngineConfig.inMemory());
        engine.createTable(b -> b.tableName("items")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("lsk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.B))
                .localSecondaryIndexes(l -> l.indexName("byLsk")
                        .keySchema(
                                k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("lsk").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .globalSecondaryIndexes(g -> g.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(
                                p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("s", "doc"))));
        for (int i = 0; i < 12; i++) {
            Map<String, AttributeValue> item = item(i);
            engine.putItem(b -> b.tableName("items").item(item));
        }
        direct = new WireHandler(Operations.discover(recording(engine), null), null, "us-east-1");
        generic = new WireHandler(Operations.discover(withoutStoredItems(engine), null), null, "us-east-1");
        try {
            server = WireServer.start(engine, null, WireConfig.defaults(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sdk = LocalBackend.sdkClient(server.endpoint(), "test", "test");
    }

    @AfterAll
    static void tearDown() {
        sdk.close();
        server.close();
        engine.close();
    }

    /** An item of every type, nested documents, and strings, numbers and binaries that are awkward in JSON. */
    private static Map<String, AttributeValue> item(int i) {
        var doc = new LinkedHashMap<String, AttributeValue>();
        doc.put(
                "inner",
                AttributeValue.fromM(Map.of(
                        "deep",
                        AttributeValue.fromL(List.of(
                                AttributeValue.fromN(String.valueOf(i)),
                                AttributeValue.fromS("é\"\\\n😀"),
                                AttributeValue.fromNul(true))))));
        doc.put(
                "list",
                AttributeValue.fromL(List.of(AttributeValue.fromBool(i % 2 == 0), AttributeValue.fromM(Map.of()))));
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS(i < 10 ? "p" : "other"));
        item.put("sk", AttributeValue.fromN(String.valueOf(i)));
        item.put("lsk", AttributeValue.fromS("l" + (11 - i)));
        item.put("g", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) (i % 3), (byte) 0xFF})));
        item.put("s", AttributeValue.fromS("value \u0001 " + i));
        item.put("n", AttributeValue.fromN(i % 2 == 0 ? "-0.000123" : "1" + "0".repeat(40)));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[i % 4])));
        item.put("flag", AttributeValue.fromBool(i % 3 == 0));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("b", "a", "ключ")));
        item.put("ns", AttributeValue.fromNs(List.of("3", "-1.5")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {(byte) 0xFB}))));
        item.put("doc", AttributeValue.fromM(doc));
        return item;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'p'}}}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p AND sk BETWEEN :a AND :b',"
                        + "'ExpressionAttributeValues':{':p':{'S':'p'},':a':{'N':'2'},':b':{'N':'6'}},"
                        + "'ScanIndexForward':false,'ReturnConsumedCapacity':'INDEXES'}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'p'}},"
                        + "'ProjectionExpression':'#d.#i.deep[1], ss, sk, #d.#l[0]',"
                        + "'ExpressionAttributeNames':{'#d':'doc','#i':'inner','#l':'list'}}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','FilterExpression':'flag = :t',"
                        + "'ExpressionAttributeValues':{':p':{'S':'p'},':t':{'BOOL':true}}}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','FilterExpression':'flag = :x',"
                        + "'ExpressionAttributeValues':{':p':{'S':'p'},':x':{'S':'no such flag'}}}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'none'}}}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'p'}},"
                        + "'Select':'COUNT'}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'p'}},"
                        + "'Limit':3}",
                "Query {'TableName':'items','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'p'}},"
                        + "'Limit':3,'ExclusiveStartKey':{'pk':{'S':'p'},'sk':{'N':'2'}}}",
                "Query {'TableName':'items','IndexName':'byLsk','KeyConditionExpression':'pk = :p',"
                        + "'ExpressionAttributeValues':{':p':{'S':'p'}},'Select':'ALL_ATTRIBUTES','Limit':4}",
                "Query {'TableName':'items','IndexName':'byLsk','KeyConditionExpression':'pk = :p',"
                        + "'ExpressionAttributeValues':{':p':{'S':'p'}}}",
                "Query {'TableName':'items','IndexName':'byG','KeyConditionExpression':'g = :g',"
                        + "'ExpressionAttributeValues':{':g':{'B':'Af8='}},'ReturnConsumedCapacity':'TOTAL'}",
                "Query {'TableName':'items','KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'p'}]}},"
                        + "'AttributesToGet':['s','bs'],'QueryFilter':{'flag':{'ComparisonOperator':'EQ',"
                        + "'AttributeValueList':[{'BOOL':false}]}}}",
                "Scan {'TableName':'items'}",
                "Scan {'TableName':'items','Limit':5,'ReturnConsumedCapacity':'INDEXES'}",
                "Scan {'TableName':'items','Segment':1,'TotalSegments':3}",
                "Scan {'TableName':'items','FilterExpression':'begins_with(s, :v)','ProjectionExpression':'pk, n, doc.#l',"
                        + "'ExpressionAttributeNames':{'#l':'list'},'ExpressionAttributeValues':{':v':{'S':'value'}}}",
                "Scan {'TableName':'items','IndexName':'byG','Select':'COUNT'}",
                "Scan {'TableName':'items','IndexName':'byG'}",
                "Scan {'TableName':'items','FilterExpression':'attribute_exists(#m)',"
                        + "'ExpressionAttributeNames':{'#m':'missing'}}",
            })
    void theDirectBody_isTheGenericBody(String call) {
        int space = call.indexOf(' ');
        String action = call.substring(0, space);
        byte[] body = call.substring(space + 1).replace('\'', '"').getBytes(UTF_8);
        int before = responsesWithItems.get();

        WireResponse fast = direct.handle(request(action, body));
        WireResponse slow = generic.handle(request(action, body));

        assertEquals(200, slow.status(), () -> new String(slow.body(), UTF_8));
        assertEquals(new String(slow.body(), UTF_8), new String(fast.body(), UTF_8));
        assertEquals(before, responsesWithItems.get(), "the items did not take the stored path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Query", "Scan"})
    void pagesFollowedByLastEvaluatedKey_coverTheWholeResultOnce(String action) {
        List<String> seen = new ArrayList<>();
        String start = "";
        int pages = 0;
        do {
            String json = "{'TableName':'items','Limit':4,'ProjectionExpression':'sk'"
                    + (action.equals("Query")
                            ? ",'KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'p'}}"
                            : "")
                    + start + "}";
            String answer = new String(
                    direct.handle(request(action, json.replace('\'', '"').getBytes(UTF_8)))
                            .body(),
                    UTF_8);
            String items = answer.substring(0, answer.indexOf("\"Count\""));
            for (String part : items.split("\\{\"sk\":\\{\"N\":\"")) {
                if (Character.isDigit(part.charAt(0))) {
                    seen.add(part.substring(0, part.indexOf('"')));
                }
            }
            int lek = answer.indexOf("\"LastEvaluatedKey\":");
            start = lek < 0 ? "" : ",'ExclusiveStartKey':" + answer.substring(lek + 19, answer.length() - 1);
            pages++;
        } while (!start.isEmpty());

        int expected = action.equals("Query") ? 10 : 12;
        assertEquals(expected, seen.size(), seen::toString);
        assertEquals(expected, seen.stream().distinct().count());
        assertTrue(pages >= 3);
    }

    @Test
    void theSdkOverTheWire_getsWhatTheEngineReturnsInProcess() {
        Map<String, AttributeValue> p = Map.of(":p", AttributeValue.fromS("p"));
        List<QueryRequest> queries = List.of(
                QueryRequest.builder()
                        .tableName("items")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(p)
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                        .build(),
                QueryRequest.builder()
                        .tableName("items")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(p)
                        .projectionExpression("doc.#l[1], bs, n")
                        .expressionAttributeNames(Map.of("#l", "list"))
                        .scanIndexForward(false)
                        .limit(7)
                        .build(),
                QueryRequest.builder()
                        .tableName("items")
                        .indexName("byLsk")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(p)
                        .select(Select.ALL_ATTRIBUTES)
                        .limit(5)
                        .build());
        for (QueryRequest query : queries) {
            QueryResponse remote = sdk.query(query);
            assertTrue(remote.hasItems());
            assertSameMembers(engine.query(query), remote);
        }
        ScanRequest scan = ScanRequest.builder()
                .tableName("items")
                .filterExpression("flag = :f")
                .expressionAttributeValues(Map.of(":f", AttributeValue.fromBool(false)))
                .limit(5)
                .build();
        assertSameMembers(engine.scan(scan), sdk.scan(scan));
    }

    /** Every modeled member (Items, Count, ScannedCount, LastEvaluatedKey, ConsumedCapacity) is equal. */
    private static void assertSameMembers(SdkPojo expected, SdkPojo actual) {
        for (SdkField<?> field : expected.sdkFields()) {
            assertEquals(field.getValueOrDefault(expected), field.getValueOrDefault(actual), field.memberName());
        }
    }

    @Test
    void theSdkPaginators_readEveryItemOverTheWire() {
        QueryRequest query = QueryRequest.builder()
                .tableName("items")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p")))
                .limit(3)
                .build();
        List<Map<String, AttributeValue>> queried =
                sdk.queryPaginator(query).items().stream().toList();
        List<Map<String, AttributeValue>> scanned =
                sdk.scanPaginator(b -> b.tableName("items").limit(5)).items().stream()
                        .toList();

        assertEquals(engine.queryPaginator(query).items().stream().toList(), queried);
        assertEquals(10, queried.size());
        assertEquals(item(4), queried.get(4));
        assertEquals(12, scanned.size());
        assertEquals(12, scanned.stream().map(i -> i.get("sk")).distinct().count());
    }

    private static WireRequest request(String action, byte[] body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of(WireHandler.AMZ_JSON));
        headers.put("X-Amz-Target", List.of(Operations.DYNAMODB_PREFIX + action));
        return new WireRequest("POST", "/", null, headers, body);
    }

    /** The engine, counting the Query and Scan responses it returns with items inside. */
    private static DynamoDbClient recording(DynamoDbClient target) {
        return forwarding(target, args -> {}, response -> {
            if ((response instanceof QueryResponse q && q.hasItems())
                    || (response instanceof ScanResponse s && s.hasItems())) {
                responsesWithItems.incrementAndGet();
            }
        });
    }

    /** The engine as any other client: the requests it gets carry no StoredItems, so it answers with SDK items. */
    private static DynamoDbClient withoutStoredItems(DynamoDbClient target) {
        return forwarding(
                target,
                args -> {
                    if (args[0] instanceof AwsRequest request) {
                        args[0] = request.toBuilder()
                                .overrideConfiguration((AwsRequestOverrideConfiguration) null)
                                .build();
                    }
                },
                response -> {});
    }

    private static DynamoDbClient forwarding(
            DynamoDbClient target,
            java.util.function.Consumer<Object[]> beforeCall,
            java.util.function.Consumer<Object> afterCall) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1) {
                        beforeCall.accept(args);
                    }
                    try {
                        Object response = method.invoke(target, args);
                        afterCall.accept(response);
                        return response;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

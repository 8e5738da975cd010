package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static dev.keysmith.engine.conformance.Fixtures.item;
import static dev.keysmith.engine.conformance.Fixtures.n;
import static dev.keysmith.engine.conformance.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan: key conditions, order, paging, counts, capacity and parallel scan. */
@ParameterizedClass
@EnumSource(Target.class)
class QueryScanTest {
    @Parameter
    Target target;

    Target.Session session;
    DynamoDbClient ddb;

    @BeforeEach
    void open() {
        session = target.open();
        ddb = session.client();
        Fixtures.createTable(ddb, "tbl", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        // Partition "p": sort keys -5 .. 14 (numeric order differs from string order: -5 < 2 < 10).
        for (int i = -5; i < 15; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("tbl")
                    .item(item(
                            "pk", s("p"),
                            "sk", n(String.valueOf(k)),
                            "even", AttributeValue.fromBool(k % 2 == 0),
                            "parity", n(String.valueOf(Math.abs(k % 2))))));
        }
        ddb.putItem(b -> b.tableName("tbl").item(item("pk", s("other"), "sk", n("1"))));
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private List<Integer> sortKeys(QueryResponse r) {
        return r.items().stream().map(i -> Integer.parseInt(i.get("sk").n())).toList();
    }

    private QueryResponse query(String keyCondition, Map<String, AttributeValue> values) {
        return ddb.query(
                b -> b.tableName("tbl").keyConditionExpression(keyCondition).expressionAttributeValues(values));
    }

    @Test
    void sortKeyConditionsSelectTheRightRangeInNumericOrder() {
        assertEquals(List.of(-5, -4, -3), sortKeys(query("pk = :p AND sk < :v", Map.of(":p", s("p"), ":v", n("-2")))));
        assertEquals(List.of(12, 13, 14), sortKeys(query("pk = :p AND sk > :v", Map.of(":p", s("p"), ":v", n("11")))));
        assertEquals(List.of(13, 14), sortKeys(query("pk = :p AND sk >= :v", Map.of(":p", s("p"), ":v", n("13")))));
        assertEquals(List.of(-5, -4), sortKeys(query("pk = :p AND sk <= :v", Map.of(":p", s("p"), ":v", n("-4")))));
        assertEquals(List.of(7), sortKeys(query("pk = :p AND sk = :v", Map.of(":p", s("p"), ":v", n("7.0")))));
        assertEquals(
                List.of(-1, 0, 1, 2),
                sortKeys(query("pk = :p AND sk BETWEEN :a AND :b", Map.of(":p", s("p"), ":a", n("-1"), ":b", n("2")))));
        assertEquals(20, query("pk = :p", Map.of(":p", s("p"))).count());
        assertEquals(List.of(), sortKeys(query("pk = :p", Map.of(":p", s("absent")))));
    }

    @Test
    void beginsWithOnStringSortKeys() {
        Fixtures.createTable(ddb, "str", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
        for (String sk : List.of("ORDER#1", "ORDER#2", "ORDERS", "PROFILE", "ORDER#10")) {
            ddb.putItem(b -> b.tableName("str").item(item("pk", s("u"), "sk", s(sk))));
        }
        var r = ddb.query(b -> b.tableName("str")
                .keyConditionExpression("pk = :p AND begins_with(sk, :pre)")
                .expressionAttributeValues(Map.of(":p", s("u"), ":pre", s("ORDER#"))));
        assertEquals(
                List.of("ORDER#1", "ORDER#10", "ORDER#2"),
                r.items().stream().map(i -> i.get("sk").s()).toList(),
                "UTF-8 byte order within the prefix");
    }

    @Test
    void reverseOrderWithScanIndexForwardFalse() {
        var r = ddb.query(b -> b.tableName("tbl")
                .keyConditionExpression("pk = :p AND sk > :v")
                .expressionAttributeValues(Map.of(":p", s("p"), ":v", n("11")))
                .scanIndexForward(false));
        assertEquals(List.of(14, 13, 12), sortKeys(r));
    }

    @Test
    void limitEvaluatesAtMostNItemsAndPagesResumeExactly() {
        // Reference 2.5: when Limit is reached, LastEvaluatedKey is returned even if no further items exist.
        List<Integer> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            var r = ddb.query(b -> b.tableName("tbl")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p")))
                    .limit(5)
                    .exclusiveStartKey(from));
            all.addAll(sortKeys(r));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertEquals(5, pages, "four full pages, then an empty one after the LEK of the fourth");
        assertEquals(20, all.size());
        assertEquals(-5, all.getFirst());
        assertEquals(14, all.getLast());
    }

    @Test
    void filterAppliesAfterLimitAndDoesNotReduceScannedCount() {
        var r = ddb.query(b -> b.tableName("tbl")
                .keyConditionExpression("pk = :p")
                .filterExpression("even = :t")
                .expressionAttributeValues(Map.of(":p", s("p"), ":t", AttributeValue.fromBool(true)))
                .limit(4));
        assertEquals(4, r.scannedCount());
        assertEquals(2, r.count());
        assertNotNull(r.lastEvaluatedKey());
    }

    @Test
    void selectCountReturnsNoItems() {
        var r = ddb.query(b -> b.tableName("tbl")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .select(Select.COUNT));
        assertEquals(20, r.count());
        assertTrue(!r.hasItems() || r.items().isEmpty());
    }

    @Test
    void queryCapacityRoundsTheSumOnce() {
        // Reference 2.2: a Query sums the sizes of all items read, then rounds up to 4 KB once.
        // Each item: pk(2)+p(1) + sk(2)+N + even(4)+1 = 10..11 bytes; 20 items = well under 4 KB -> 0.5 RCU eventual.
        var r = ddb.query(b -> b.tableName("tbl")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(0.5, r.consumedCapacity().capacityUnits());
        var empty = ddb.query(b -> b.tableName("tbl")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("none")))
                .consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.0, empty.consumedCapacity().capacityUnits(), "the minimum applies to an empty result");
    }

    @Test
    void onePageStopsAtOneMegabyte() {
        Fixtures.createTable(ddb, "big", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 15; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("big").item(item("pk", s("b"), "sk", n(String.valueOf(k)), "d", s(payload))));
        }
        var r = ddb.query(b ->
                b.tableName("big").keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("b"))));
        assertTrue(r.count() >= 10 && r.count() < 15, "about 1 MB of 100 KB items, not all 15: " + r.count());
        assertNotNull(r.lastEvaluatedKey());
    }

    @Test
    void keyConditionErrors() {
        assertError(
                "ValidationException",
                "Query condition missed key schema element: pk",
                () -> query("sk = :v", Map.of(":v", n("1"))));
        assertError(
                "ValidationException",
                "One or more parameter values were invalid: Condition parameter type does not match schema type",
                () -> query("pk = :p AND sk > :v", Map.of(":p", s("p"), ":v", s("1"))));
        assertError(
                "ValidationException",
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                () -> ddb.query(b -> b.tableName("tbl")
                        .keyConditionExpression("pk = :p")
                        .filterExpression("sk > :v")
                        .expressionAttributeValues(Map.of(":p", s("p"), ":v", n("1")))));
        assertError(
                "ValidationException",
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
                () -> ddb.query(b -> b.tableName("tbl")));
        assertError(
                "ValidationException",
                "The provided starting key is outside query boundaries based on provided conditions",
                () -> ddb.query(b -> b.tableName("tbl")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p")))
                        .exclusiveStartKey(item("pk", s("other"), "sk", n("1")))));
        assertError(
                "ValidationException",
                "The table does not have the specified index: nope",
                () -> ddb.query(b -> b.tableName("tbl")
                        .indexName("nope")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p")))));
    }

    @Test
    void legacyKeyConditionsAndQueryFilter() {
        var r = ddb.query(b -> b.tableName("tbl")
                .keyConditions(Map.of(
                        "pk",
                        Condition.builder()
                                .comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(s("p"))
                                .build(),
                        "sk",
                        Condition.builder()
                                .comparisonOperator(ComparisonOperator.BETWEEN)
                                .attributeValueList(n("0"), n("5"))
                                .build()))
                .queryFilter(Map.of(
                        "parity",
                        Condition.builder()
                                .comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(n("0"))
                                .build())));
        assertEquals(List.of(0, 2, 4), sortKeys(r));
    }

    @Test
    void scanReturnsEverythingAndPaginates() {
        Set<String> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse r = ddb.scan(b -> b.tableName("tbl").limit(7).exclusiveStartKey(from));
            for (var i : r.items()) {
                assertTrue(seen.add(i.get("pk").s() + "/" + i.get("sk").n()), "no item twice");
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(21, seen.size());
    }

    @Test
    void parallelScanSegmentsAreDisjointAndComplete() {
        for (int i = 0; i < 200; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("tbl").item(item("pk", s("part" + k), "sk", n("0"))));
        }
        for (int total : List.of(1, 3, 8)) {
            Set<String> seen = new HashSet<>();
            for (int seg = 0; seg < total; seg++) {
                int segment = seg;
                var r = ddb.scan(b -> b.tableName("tbl").segment(segment).totalSegments(total));
                assertNull(r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null);
                for (var i : r.items()) {
                    assertTrue(seen.add(i.get("pk").s() + "/" + i.get("sk").n()), "segments overlap");
                }
            }
            assertEquals(221, seen.size(), "segments of " + total + " miss items");
        }
        assertError(
                "ValidationException",
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not"
                        + " less than TotalSegments: 5",
                () -> ddb.scan(b -> b.tableName("tbl").segment(5).totalSegments(5)));
        assertError(
                "ValidationException",
                "The TotalSegments parameter is required but was not present in the request when Segment parameter"
                        + " is present",
                () -> ddb.scan(b -> b.tableName("tbl").segment(0)));
    }

    @Test
    void scanLimitZeroIsRejected() {
        assertError(
                "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1",
                () -> ddb.scan(b -> b.tableName("tbl").limit(0)));
    }
}

package dev.keysmith.engine.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.trace.ExecutionTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** PartiQL through the engine: every statement form, the Query/Scan/GetItem choice, paging, and DynamoDB's errors. */
class PartiQlTest {
    KeysmithEngine engine;
    PartiQl partiql;
    final List<ExecutionTrace> traces = new ArrayList<>();

    @BeforeEach
    void open() {
        engine = KeysmithEngine.open(EngineConfig.inMemory());
        partiql = new PartiQl(engine);
        engine.createTable(b -> b.tableName("tbl")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attr("pk", "S"), attr("sk", "N"), attr("g", "S"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build()));
        engine.addTraceListener(traces::add);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attr(String name, String type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private ExecuteStatementResponse es(Consumer<ExecuteStatementRequest.Builder> request) {
        return partiql.executeStatement(
                ExecuteStatementRequest.builder().applyMutation(request).build());
    }

    private ExecuteTransactionResponse tx(Consumer<ExecuteTransactionRequest.Builder> request) {
        return partiql.executeTransaction(
                ExecuteTransactionRequest.builder().applyMutation(request).build());
    }

    private BatchExecuteStatementResponse bx(Consumer<BatchExecuteStatementRequest.Builder> request) {
        return partiql.batchExecuteStatement(
                BatchExecuteStatementRequest.builder().applyMutation(request).build());
    }

    private ExecuteStatementResponse run(String statement, AttributeValue... params) {
        return es(b -> b.statement(statement).parameters(params.length == 0 ? null : List.of(params)));
    }

    /** Ten items in partition "p" (sk 0..9) and three in "q" (sk 0..2); odd items carry {@code odd = TRUE}. */
    private void seed() {
        for (int i = 0; i < 10; i++) {
            run(
                    "INSERT INTO \"tbl\" VALUE {'pk': 'p', 'sk': ?, 'g': 'G', 'odd': ?}",
                    n("" + i),
                    AttributeValue.fromBool(i % 2 == 1));
        }
        for (int i = 0; i < 3; i++) {
            run("INSERT INTO tbl VALUE {'pk': 'q', 'sk': ?}", n("" + i));
        }
        traces.clear();
    }

    private static List<Integer> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> Integer.parseInt(i.get("sk").n())).toList();
    }

    private List<String> operations() {
        return traces.stream().map(ExecutionTrace::operation).toList();
    }

    private static DynamoDbException assertError(String code, String message, Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), () -> "message was: " + e.getMessage());
        assertEquals(message, e.awsErrorDetails().errorMessage());
        return e;
    }

    private static void assertValidation(String message, Executable call) {
        assertError("ValidationException", message, call);
    }

    // INSERT

    @Test
    void insertStoresEveryLiteralKind() {
        run(
                "INSERT INTO \"tbl\" VALUE {'pk': 'a', 'sk': 1, 'n': -1.5e3, 'b': TRUE, 'z': NULL, 'q': 'it''s',"
                        + " 'l': [1, 'x'], 'm': {'k': <<'a','b'>>}, 'ns': <<1, 2>>, 'bin': ?}",
                AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));
        var item = engine.getItem(b -> b.tableName("tbl").key(Map.of("pk", s("a"), "sk", n("1"))))
                .item();
        assertEquals(0, new java.math.BigDecimal(item.get("n").n()).compareTo(new java.math.BigDecimal("-1500")));
        assertEquals(AttributeValue.fromBool(true), item.get("b"));
        assertEquals(AttributeValue.fromNul(true), item.get("z"));
        assertEquals(s("it's"), item.get("q"));
        assertEquals(AttributeValue.fromL(List.of(n("1"), s("x"))), item.get("l"));
        assertEquals(List.of("a", "b"), item.get("m").m().get("k").ss());
        assertEquals(List.of("1", "2"), item.get("ns").ns());
        assertEquals("hi", item.get("bin").b().asUtf8String());
    }

    @Test
    void insertOfAnExistingKeyFailsWithDuplicateItem() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'v': 1}");
        DynamoDbException e = assertError(
                "DuplicateItemException",
                "Duplicate primary key exists in table",
                () -> run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'v': 2}"));
        assertInstanceOf(DuplicateItemException.class, e);
        assertEquals(
                n("1"),
                run("SELECT v FROM tbl WHERE pk = 'a' AND sk = 1")
                        .items()
                        .getFirst()
                        .get("v"));
    }

    @Test
    void insertChecksKeysAndShape() {
        assertValidation(
                "Key attribute should be present in the item: Key sk", () -> run("INSERT INTO tbl VALUE {'pk': 'c'}"));
        assertValidation(
                "Key attribute's data type should match its data type in table's schema: Key sk",
                () -> run("INSERT INTO tbl VALUE {'pk': 'c', 'sk': 'x'}"));
        assertValidation(
                "RETURNING is not supported in INSERT",
                () -> run("INSERT INTO tbl VALUE {'pk': 'c', 'sk': 1} RETURNING ALL OLD *"));
        assertValidation(
                "Empty bags are not supported", () -> run("INSERT INTO tbl VALUE {'pk': 'c', 'sk': 1, 'e': <<>>}"));
        assertValidation(
                "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
                () -> run("INSERT INTO tbl VALUE {'pk': 'c', 'sk': 1, 'e': <<1, 'a'>>}"));
        assertValidation(
                "Duplicate keys in tuple. Key: x under root",
                () -> run("INSERT INTO tbl VALUE {'pk': 'c', 'sk': 1, 'x': 'a', 'x': 'b'}"));
        assertValidation(
                "Unsupported data type: MISSING under key root",
                () -> run("INSERT INTO tbl VALUE {'pk': 'c', 'sk': 1, 'x': MISSING}"));
        assertValidation(
                "FROM clause may only contain a single table name in data manipulation statements",
                () -> run("INSERT INTO \"tbl\".\"byG\" VALUE {'pk': 'c', 'sk': 1}"));
        assertValidation(Problems.INSERT_NOT_STRUCT, () -> run("INSERT INTO tbl VALUE [1]"));
    }

    // SELECT: how it reads

    @Test
    void selectWithTheFullKeyIsAGetItem() {
        seed();
        var r = run("SELECT * FROM tbl WHERE pk = 'p' AND sk = 3");
        assertEquals(List.of(3), sortKeys(r.items()));
        assertEquals(List.of("GetItem"), operations());
    }

    @Test
    void selectPinningThePartitionKeyIsAQueryInSortKeyOrder() {
        seed();
        var r = run("SELECT * FROM tbl WHERE pk = 'p'");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sortKeys(r.items()));
        assertEquals(List.of("Query"), operations());
        assertEquals(s("p"), traces.getFirst().partitionKey());
    }

    @Test
    void orderByTheSortKeyDescendingReversesTheQuery() {
        seed();
        var r = run("SELECT * FROM tbl WHERE pk = 'q' ORDER BY sk DESC");
        assertEquals(List.of(2, 1, 0), sortKeys(r.items()));
        assertFalse(traces.getFirst().forward());
    }

    @Test
    void sortKeyConditionsNarrowTheQueryAndOtherTermsFilter() {
        seed();
        assertEquals(
                List.of(3, 4, 5),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'p' AND sk BETWEEN 3 AND 5")
                        .items()));
        assertEquals(
                List.of(8, 9),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'p' AND sk > 7").items()));
        assertEquals(
                List.of(0, 1),
                sortKeys(run("SELECT * FROM tbl WHERE 2 > sk AND pk = 'p'").items()));
        assertEquals(
                List.of(7, 9),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'p' AND sk >= 6 AND odd = TRUE")
                        .items()));
        assertTrue(operations().stream().allMatch("Query"::equals), operations().toString());
        // Items read (3..5: three) are fewer than the partition: the range was narrowed, not filtered.
        assertEquals(3, traces.getFirst().itemsRead());
        assertEquals(4, traces.getLast().itemsRead());
    }

    @Test
    void selectWithoutThePartitionKeyIsAScan() {
        seed();
        assertEquals(13, run("SELECT * FROM tbl").items().size());
        assertEquals(
                List.of(0, 1, 2),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'q' OR sk > 100").items().stream()
                        .sorted((a, b) -> a.get("sk").n().compareTo(b.get("sk").n()))
                        .toList()));
        assertEquals(
                5,
                run("SELECT * FROM tbl WHERE sk > 4 AND pk = 'p' OR odd = TRUE AND sk > 4")
                        .items()
                        .size());
        assertEquals(List.of("Scan", "Scan", "Scan"), operations());
    }

    @Test
    void partitionKeyInListRunsOneQueryPerValueInListOrder() {
        seed();
        var r = run("SELECT * FROM tbl WHERE pk IN ['q', 'p', 'none'] AND sk < 2");
        assertEquals(
                List.of("q", "q", "p", "p"),
                r.items().stream().map(i -> i.get("pk").s()).toList());
        assertEquals(List.of("Query", "Query", "Query"), operations());
        assertEquals(
                List.of(s("q"), s("p"), s("none")),
                traces.stream().map(ExecutionTrace::partitionKey).toList());
    }

    @Test
    void anOrOfPartitionKeyEqualitiesIsAlsoQueries() {
        seed();
        var r = run("SELECT * FROM tbl WHERE pk = 'q' OR pk = 'p'");
        assertEquals(13, r.items().size());
        assertEquals(List.of("Query", "Query"), operations());
    }

    @Test
    void orderByPartitionKeyReadsPartitionsInKeyOrder() {
        seed();
        var r = run("SELECT * FROM tbl WHERE pk IN ['p', 'q'] AND sk = 0 ORDER BY pk DESC");
        assertEquals(
                List.of("q", "p"), r.items().stream().map(i -> i.get("pk").s()).toList());
    }

    @Test
    void selectOnAnIndexQueriesTheIndex() {
        seed();
        var r = run("SELECT * FROM \"tbl\".\"byG\" WHERE g = 'G' AND sk <= 1");
        assertEquals(List.of(0, 1), sortKeys(r.items()));
        assertEquals("byG", traces.getFirst().indexName());
        assertEquals("Query", traces.getFirst().operation());
    }

    @Test
    void projectionUnnestsNestedPaths() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'l': [1, 'x'], 'm': {'k': <<'a','b'>>, 'j': 2}}");
        var item = run("SELECT pk, m.k, l[1], nothing FROM tbl WHERE pk = 'a'")
                .items()
                .getFirst();
        assertEquals(Map.of("pk", s("a"), "k", AttributeValue.fromSs(List.of("a", "b")), "l[1]", s("x")), item);
        assertValidation("Duplicate identifiers in select clause: k", () -> run("SELECT m.k, k FROM tbl"));
        assertValidation(
                "Statement wasn't well formed, can't be processed: SELECT *, a FROM tbl",
                () -> run("SELECT *, a FROM tbl"));
    }

    @Test
    void filtersTranslateEveryPredicate() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'x': 'hello', 'l': [1, 2], 'ss': <<'u'>>}");
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 2, 'l': [1]}");
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 3, 'x': 'world'}");
        assertEquals(
                List.of(2),
                sortKeys(
                        run("SELECT * FROM tbl WHERE pk = 'a' AND x IS MISSING").items()));
        assertEquals(
                List.of(1, 3),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND x IS NOT MISSING")
                        .items()));
        assertEquals(
                List.of(1),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND begins_with(x, 'he')")
                        .items()));
        assertEquals(
                List.of(3),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND contains(x, 'orl')")
                        .items()));
        assertEquals(
                List.of(1),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND contains(ss, 'u')")
                        .items()));
        assertEquals(
                List.of(1),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND size(l) = 2").items()));
        assertEquals(
                List.of(1, 2),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND attribute_type(l, 'L')")
                        .items()));
        assertEquals(
                List.of(2, 3),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND NOT x = 'hello'")
                        .items()));
        assertEquals(
                List.of(1, 3),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND x IN ('hello', 'world')")
                        .items()));
        assertEquals(
                List.of(1, 2),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND (x = 'hello' OR l[0] = 1)")
                        .items()));
        assertEquals(
                List.of(2, 3),
                sortKeys(
                        run("SELECT * FROM tbl WHERE pk = 'a' AND x <> 'hello'").items()));
    }

    @Test
    void isNullAndAttributeExistsFilters() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'x': NULL}");
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 2, 'x': 'v'}");
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 3}");
        assertEquals(
                List.of(1),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND x IS NULL").items()));
        assertEquals(
                List.of(2, 3),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND x IS NOT NULL")
                        .items()));
        assertEquals(
                List.of(1, 2),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND attribute_exists(x)")
                        .items()));
        assertEquals(
                List.of(3),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND attribute_not_exists(x)")
                        .items()));
        assertEquals(
                List.of(1, 3),
                sortKeys(run("SELECT * FROM tbl WHERE pk = 'a' AND x NOT IN ['v']")
                        .items()));
    }

    @Test
    void quotedIdentifiersAreNamesAndUnquotedOnesAreCaseSensitive() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'select': 'kw', 'Mixed': 1}");
        assertEquals(1, run("SELECT * FROM tbl WHERE \"select\" = 'kw'").items().size());
        assertEquals(1, run("SELECT * FROM tbl WHERE Mixed = 1").items().size());
        assertEquals(0, run("SELECT * FROM tbl WHERE mixed = 1").items().size());
        assertEquals(0, run("SELECT * FROM tbl WHERE pk = \"a\"").items().size());
        assertValidation(
                "Statement wasn't well formed, can't be processed: SELECT * FROM tbl WHERE select = 1",
                () -> run("SELECT * FROM tbl WHERE select = 1"));
    }

    // Paging

    @Test
    void queryPagesWithLimitUntilTheTokenIsExhausted() {
        seed();
        List<Integer> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            var r = es(b ->
                    b.statement("SELECT * FROM tbl WHERE pk = 'p'").limit(3).nextToken(t));
            all.addAll(sortKeys(r.items()));
            assertTrue(r.items().size() <= 3);
            token = r.nextToken();
            if (token != null) {
                assertEquals(Map.of("pk", s("p"), "sk", r.items().getLast().get("sk")), r.lastEvaluatedKey());
            }
            pages++;
        } while (token != null);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), all);
        assertTrue(pages >= 4);
    }

    @Test
    void inListPagesAcrossPartitions() {
        seed();
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var r = es(b -> b.statement("SELECT * FROM tbl WHERE pk IN ['q', 'p']")
                    .limit(4)
                    .nextToken(t));
            r.items().forEach(i -> all.add(i.get("pk").s() + i.get("sk").n()));
            token = r.nextToken();
        } while (token != null);
        assertEquals(List.of("q0", "q1", "q2", "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"), all);
    }

    @Test
    void scanPagesWithLimit() {
        seed();
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var r = es(b ->
                    b.statement("SELECT * FROM tbl WHERE odd = TRUE").limit(5).nextToken(t));
            r.items().forEach(i -> all.add(i.get("pk").s() + i.get("sk").n()));
            token = r.nextToken();
        } while (token != null);
        assertEquals(5, all.size());
        assertEquals(5, new java.util.HashSet<>(all).size());
    }

    @Test
    void aForeignOrDamagedNextTokenIsRejected() {
        seed();
        String token = es(b -> b.statement("SELECT * FROM tbl WHERE pk = 'p'").limit(2))
                .nextToken();
        assertNotNull(token);
        assertValidation(
                "NextToken does not match request",
                () -> es(b ->
                        b.statement("SELECT * FROM tbl WHERE pk = 'q'").limit(2).nextToken(token)));
        assertValidation(
                "Invalid NextToken",
                () -> es(b -> b.statement("SELECT * FROM tbl WHERE pk = 'p'").nextToken("not a token")));
    }

    @Test
    void consumedCapacityAddsUpTheQueriesOfAnInList() {
        seed();
        var one = es(b ->
                b.statement("SELECT * FROM tbl WHERE pk = 'q'").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var two = es(b -> b.statement("SELECT * FROM tbl WHERE pk IN ['q', 'q2']")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals("tbl", two.consumedCapacity().tableName());
        assertEquals(
                one.consumedCapacity().capacityUnits() + 0.5,
                two.consumedCapacity().capacityUnits(),
                1e-9);
    }

    // Parameters

    @Test
    void parametersBindPositionally() {
        run("INSERT INTO tbl VALUE {'pk': ?, 'sk': ?, 'v': ?}", s("a"), n("1"), AttributeValue.fromL(List.of(n("7"))));
        var r = run("SELECT v FROM tbl WHERE pk = ? AND sk = ?", s("a"), n("1"));
        assertEquals(AttributeValue.fromL(List.of(n("7"))), r.items().getFirst().get("v"));
        assertValidation(
                "Number of parameters in request and statement don't match.",
                () -> run("SELECT * FROM tbl WHERE pk = ?"));
        assertValidation(
                "Number of parameters in request and statement don't match.",
                () -> run("SELECT * FROM tbl WHERE pk = 'a'", s("x")));
    }

    // UPDATE

    @Test
    void updateOfAPathUnderAMissingMapFailsAsUpdateItemDoes() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1}");
        assertValidation(
                "The document path provided in the update expression is invalid for update",
                () -> run("UPDATE tbl SET m.k = 'v' WHERE pk = 'a' AND sk = 1"));
    }

    @Test
    void updateReturningVariants() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'n': 1, 'l': [1], 'gone': 'x', 's': <<'a', 'b'>>}");
        var r = run(
                "UPDATE tbl SET n = n + ? SET l = list_append(l, [2]) REMOVE gone WHERE pk = 'a' AND sk = 1"
                        + " RETURNING ALL NEW *",
                n("2"));
        var item = r.items().getFirst();
        assertEquals(n("3"), item.get("n"));
        assertEquals(AttributeValue.fromL(List.of(n("1"), n("2"))), item.get("l"));
        assertNull(item.get("gone"));
        var old = run("UPDATE tbl SET n = 10 WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED OLD *")
                .items();
        assertEquals(List.of(Map.of("n", n("3"))), old);
        var allOld = run("UPDATE tbl SET n = 11 WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *")
                .items();
        assertEquals(n("10"), allOld.getFirst().get("n"));
        assertEquals(s("a"), allOld.getFirst().get("pk"));
        var modifiedNew =
                run("UPDATE tbl SET s = set_add(s, <<'c'>>) WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED NEW *")
                        .items();
        assertEquals(
                java.util.Set.of("a", "b", "c"),
                new java.util.HashSet<>(modifiedNew.getFirst().get("s").ss()));
        run("UPDATE tbl SET s = set_delete(s, <<'a', 'b'>>) WHERE pk = 'a' AND sk = 1");
        assertEquals(
                List.of("c"),
                run("SELECT s FROM tbl WHERE pk = 'a' AND sk = 1")
                        .items()
                        .getFirst()
                        .get("s")
                        .ss());
        assertEquals(
                List.of(),
                run("UPDATE tbl SET n = 12 WHERE pk = 'a' AND sk = 1").items());
    }

    @Test
    void updateNeverCreatesAnItem() {
        assertError(
                "ConditionalCheckFailedException",
                "The conditional request failed",
                () -> run("UPDATE tbl SET x = 1 WHERE pk = 'none' AND sk = 1"));
        assertEquals(0, run("SELECT * FROM tbl").items().size());
    }

    @Test
    void updateExtraConditionsMustHold() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'x': 'y'}");
        DynamoDbException e = assertError(
                "ConditionalCheckFailedException",
                "The conditional request failed",
                () -> es(b -> b.statement("UPDATE tbl SET x = 'z' WHERE pk = 'a' AND sk = 1 AND x = 'other'")
                        .returnValuesOnConditionCheckFailure("ALL_OLD")));
        assertEquals(s("y"), ((ConditionalCheckFailedException) e).item().get("x"));
        run("UPDATE tbl SET x = 'z' WHERE pk = 'a' AND sk = 1 AND x = 'y' AND attribute_type(x, 'S')");
        assertEquals(
                s("z"),
                run("SELECT x FROM tbl WHERE pk = 'a' AND sk = 1")
                        .items()
                        .getFirst()
                        .get("x"));
    }

    @Test
    void updateAndDeleteNeedTheWholeKey() {
        String message = "Where clause does not contain a mandatory equality on all key attributes";
        assertValidation(message, () -> run("UPDATE tbl SET x = 1 WHERE pk = 'a'"));
        assertValidation(message, () -> run("UPDATE tbl SET x = 1 WHERE pk = 'a' AND sk > 1"));
        assertValidation(message, () -> run("UPDATE tbl SET x = 1 WHERE pk = 'a' OR sk = 1"));
        assertValidation(message, () -> run("DELETE FROM tbl WHERE pk = 'a'"));
        assertValidation(
                "Statement wasn't well formed, can't be processed: UPDATE tbl SET x = 1 WHERE pk = 'a' AND"
                        + " sk = 1 RETURNING ALL NEW",
                () -> run("UPDATE tbl SET x = 1 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW"));
    }

    // DELETE

    @Test
    void deleteReturnsTheOldItemAndIgnoresMissingKeys() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'x': 'y'}");
        assertEquals(
                List.of(), run("DELETE FROM tbl WHERE pk = 'none' AND sk = 1").items());
        assertError(
                "ConditionalCheckFailedException",
                "The conditional request failed",
                () -> run("DELETE FROM tbl WHERE pk = 'a' AND sk = 1 AND x = 'no'"));
        assertValidation(
                "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE"
                        + " statements.",
                () -> run("DELETE FROM tbl WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *"));
        var r = run("DELETE FROM tbl WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *");
        assertEquals(List.of(Map.of("pk", s("a"), "sk", n("1"), "x", s("y"))), r.items());
        assertEquals(0, run("SELECT * FROM tbl").items().size());
    }

    // Errors

    @Test
    void statementErrorsUseDynamoDbsMessages() {
        assertValidation(
                "Statement wasn't well formed, can't be processed: SELEC * FROM tbl", () -> run("SELEC * FROM tbl"));
        assertValidation(
                "Statement wasn't well formed, can't be processed: SELECT * FROM tbl WHERE pk = 'a",
                () -> run("SELECT * FROM tbl WHERE pk = 'a"));
        assertValidation("Statement wasn't well formed, can't be processed: SELECT * FROM", () -> run("SELECT * FROM"));
        assertValidation(
                "MISSING must be compared using IS operator", () -> run("SELECT * FROM tbl WHERE x = MISSING"));
        assertValidation(
                "WHERE clause must contain an expression that resolves to a boolean",
                () -> run("SELECT * FROM tbl WHERE TRUE"));
        assertValidation("Unrecognized function: foo", () -> run("SELECT * FROM tbl WHERE pk = 'a' AND foo(x)"));
        assertValidation(
                "Unsupported operator in Condition Expression. Operator: +",
                () -> run("SELECT * FROM tbl WHERE pk = 'a' AND n = 1 + 1"));
        assertValidation(
                "EXISTS can only be used in ExecuteTransaction write requests.",
                () -> run("EXISTS(SELECT * FROM tbl WHERE pk = 'a' AND sk = 1)"));
        assertValidation("The table does not have the specified index: nope", () -> run("SELECT * FROM tbl.nope"));
        var missing = assertError(
                "ResourceNotFoundException", "Requested resource not found", () -> run("SELECT * FROM \"missing\""));
        assertInstanceOf(ResourceNotFoundException.class, missing);
    }

    @Test
    void orderByErrors() {
        assertValidation(
                "Must have WHERE clause in the statement when using ORDER BY clause.",
                () -> run("SELECT * FROM tbl ORDER BY sk"));
        assertValidation(
                "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY"
                        + " clause.",
                () -> run("SELECT * FROM tbl WHERE x = 1 ORDER BY sk"));
        assertValidation(
                "Variable reference x in ORDER BY clause must be part of the primary key",
                () -> run("SELECT * FROM tbl WHERE pk = 'a' ORDER BY x"));
    }

    @Test
    void statementLengthAndLimitBounds() {
        assertValidation(
                "1 validation error detected: Value '' at 'statement' failed to satisfy constraint: Member"
                        + " must have length greater than or equal to 1",
                () -> run(""));
        String longStatement = "SELECT * FROM tbl WHERE pk = '" + "x".repeat(8192) + "'";
        assertValidation(
                "1 validation error detected: Value '" + longStatement + "' at 'statement' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 8192",
                () -> run(longStatement));
        assertValidation(
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must"
                        + " have value greater than or equal to 1",
                () -> es(b -> b.statement("SELECT * FROM tbl").limit(0)));
    }

    // ExecuteTransaction

    private List<ParameterizedStatement> statements(String... texts) {
        return Arrays.stream(texts)
                .map(t -> ParameterizedStatement.builder().statement(t).build())
                .toList();
    }

    @Test
    void writeTransactionAppliesEveryStatement() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 2, 'v': 0}");
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 3}");
        tx(b -> b.transactStatements(statements(
                        "INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1}",
                        "UPDATE tbl SET v = v + 1 WHERE pk = 'a' AND sk = 2",
                        "DELETE FROM tbl WHERE pk = 'a' AND sk = 3"))
                .clientRequestToken("token-1"));
        assertEquals(
                List.of(1, 2), sortKeys(run("SELECT * FROM tbl WHERE pk = 'a'").items()));
        assertEquals(
                n("1"),
                run("SELECT v FROM tbl WHERE pk = 'a' AND sk = 2")
                        .items()
                        .getFirst()
                        .get("v"));
    }

    @Test
    void aDuplicateInsertCancelsTheWholeTransaction() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1}");
        var e = assertThrows(
                TransactionCanceledException.class,
                () -> tx(b -> b.transactStatements(statements(
                        "INSERT INTO tbl VALUE {'pk': 'a', 'sk': 3}", "INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1}"))));
        assertEquals(
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None,"
                        + " ValidationError]",
                e.awsErrorDetails().errorMessage());
        assertEquals(
                "Duplicate primary key exists in table",
                e.cancellationReasons().get(1).message());
        assertEquals(
                List.of(1), sortKeys(run("SELECT * FROM tbl WHERE pk = 'a'").items()));
    }

    @Test
    void existsIsAConditionCheck() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'x': 0}");
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 2}");
        var e = assertThrows(
                TransactionCanceledException.class,
                () -> tx(b -> b.transactStatements(statements(
                        "EXISTS(SELECT * FROM tbl WHERE pk = 'a' AND sk = 1 AND x = 1)",
                        "UPDATE tbl SET y = 1 WHERE pk = 'a' AND sk = 2"))));
        assertEquals(
                List.of("ConditionalCheckFailed", "None"),
                e.cancellationReasons().stream().map(r -> r.code()).toList());
        tx(b -> b.transactStatements(statements(
                "EXISTS(SELECT * FROM tbl WHERE pk = 'a' AND sk = 1 AND x = 0)",
                "UPDATE tbl SET y = 1 WHERE pk = 'a' AND sk = 2")));
        assertEquals(
                n("1"),
                run("SELECT y FROM tbl WHERE pk = 'a' AND sk = 2")
                        .items()
                        .getFirst()
                        .get("y"));
        assertValidation(
                "Validation failed in TransactStatements[0]: EXISTS() must contain a single item read with"
                        + " additional condition",
                () -> tx(b -> b.transactStatements(statements(
                        "EXISTS(SELECT * FROM tbl WHERE pk = 'a' AND sk = 1)",
                        "UPDATE tbl SET y = 1 WHERE pk = 'a' AND sk = 2"))));
    }

    @Test
    void readTransactionGetsEachItem() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'x': 'y', 'z': 1}");
        var r = tx(b -> b.transactStatements(statements(
                "SELECT x FROM tbl WHERE pk = 'a' AND sk = 1", "SELECT * FROM tbl WHERE pk = 'a' AND sk = 5")));
        assertEquals(Map.of("x", s("y")), r.responses().get(0).item());
        assertFalse(r.responses().get(1).hasItem());
    }

    @Test
    void transactionErrors() {
        assertValidation(
                "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must"
                        + " specify the primary key in the where clause.",
                () -> tx(b -> b.transactStatements(statements("SELECT * FROM tbl WHERE pk = 'a'"))));
        assertValidation(
                "ExecuteTransaction API does not support both read and write operations in the same request.",
                () -> tx(b -> b.transactStatements(statements(
                        "SELECT * FROM tbl WHERE pk = 'a' AND sk = 1", "INSERT INTO tbl VALUE {'pk': 'a', 'sk': 9}"))));
        assertValidation(
                "Validation failed in TransactStatements[0]: RETURNING clause is not supported in"
                        + " ExecuteTransaction.",
                () -> tx(b -> b.transactStatements(
                        statements("UPDATE tbl SET x = 1 WHERE pk = 'a' AND sk = 2 RETURNING ALL NEW *"))));
        String[] many = new String[101];
        Arrays.fill(many, "SELECT * FROM tbl WHERE pk = 'a' AND sk = 1");
        var e = assertThrows(DynamoDbException.class, () -> tx(b -> b.transactStatements(statements(many))));
        assertTrue(
                e.awsErrorDetails()
                        .errorMessage()
                        .endsWith(
                                "at 'transactStatements' failed to satisfy constraint: Member must have length less than or equal to 100"));
    }

    // BatchExecuteStatement

    private List<BatchStatementRequest> batch(String... texts) {
        return Arrays.stream(texts)
                .map(t -> BatchStatementRequest.builder().statement(t).build())
                .toList();
    }

    @Test
    void batchReadsReportErrorsPerStatement() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1}");
        List<BatchStatementResponse> r = bx(b -> b.statements(batch(
                        "SELECT * FROM tbl WHERE pk = 'a' AND sk = 1",
                        "SELECT * FROM tbl WHERE pk = 'a'",
                        "SELECT * FROM \"missing\" WHERE pk = 'a' AND sk = 1",
                        "SELECT * FROM tbl WHERE pk = 'b' AND sk = 1")))
                .responses();
        assertEquals(Map.of("pk", s("a"), "sk", n("1")), r.get(0).item());
        assertEquals("tbl", r.get(0).tableName());
        assertEquals("ValidationError", r.get(1).error().codeAsString());
        assertEquals("Only single item select is supported", r.get(1).error().message());
        assertEquals("ResourceNotFound", r.get(2).error().codeAsString());
        assertNull(r.get(3).error());
        assertFalse(r.get(3).hasItem());
    }

    @Test
    void batchWritesReportErrorsPerStatement() {
        run("INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1, 'x': 1}");
        var r = bx(b -> b.statements(batch(
                        "INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1}",
                        "UPDATE tbl SET x = 1 WHERE pk = 'zz' AND sk = 8",
                        "INSERT INTO tbl VALUE {'pk': 'b', 'sk': 1}",
                        "SELEC x"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var responses = r.responses();
        assertEquals("DuplicateItem", responses.get(0).error().codeAsString());
        assertEquals(
                "Duplicate primary key exists in table",
                responses.get(0).error().message());
        assertEquals("ConditionalCheckFailed", responses.get(1).error().codeAsString());
        assertNull(responses.get(2).error());
        assertEquals("ValidationError", responses.get(3).error().codeAsString());
        assertEquals(1, run("SELECT * FROM tbl WHERE pk = 'b'").items().size());
        assertEquals(1, r.consumedCapacity().size());
        assertEquals("tbl", r.consumedCapacity().getFirst().tableName());
    }

    @Test
    void batchFindsDuplicateKeysGivenAsParameters() {
        var statements = List.of(
                BatchStatementRequest.builder()
                        .statement("INSERT INTO tbl VALUE {'pk': ?, 'sk': 1}")
                        .parameters(s("a"))
                        .build(),
                BatchStatementRequest.builder()
                        .statement("UPDATE tbl SET x = 1 WHERE pk = ? AND sk = 1")
                        .parameters(s("a"))
                        .build());
        assertValidation("Provided list of item keys contains duplicates", () -> bx(b -> b.statements(statements)));
    }

    @Test
    void batchRequestLevelErrors() {
        assertValidation(
                "Read and write requests together in the same batch is not supported.",
                () -> bx(b -> b.statements(batch(
                        "SELECT * FROM tbl WHERE pk = 'a' AND sk = 1", "INSERT INTO tbl VALUE {'pk': 'c', 'sk': 1}"))));
        assertValidation(
                "Provided list of item keys contains duplicates",
                () -> bx(b -> b.statements(batch(
                        "INSERT INTO tbl VALUE {'pk': 'a', 'sk': 1}", "DELETE FROM tbl WHERE pk = 'a' AND sk = 1"))));
        assertValidation(
                "1 validation error detected: Value '[]' at 'statements' failed to satisfy constraint: Member"
                        + " must have length greater than or equal to 1",
                () -> bx(b -> b.statements(List.of())));
        String[] many = new String[26];
        for (int i = 0; i < many.length; i++) {
            many[i] = "SELECT * FROM tbl WHERE pk = 'a' AND sk = " + i;
        }
        var e = assertThrows(DynamoDbException.class, () -> bx(b -> b.statements(batch(many))));
        assertTrue(e.awsErrorDetails().errorMessage().endsWith("Member must have length less than or equal to 25"));
    }
}

package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.item;
import static dev.keysmith.engine.conformance.Fixtures.n;
import static dev.keysmith.engine.conformance.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A GSI added to a table that has data is backfilled in the background, and writes made meanwhile are kept. */
class IndexBackfillTest {
    private static void addIndex(KeysmithEngine ddb) {
        ddb.updateTable(b -> b.tableName("orders")
                .attributeDefinitions(a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byStatus")
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("status")
                                .keyType(KeyType.HASH)
                                .build())
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
    }

    private static GlobalSecondaryIndexDescription waitActive(KeysmithEngine ddb) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var gsi = ddb.describeTable(b -> b.tableName("orders"))
                    .table()
                    .globalSecondaryIndexes()
                    .getFirst();
            if (gsi.indexStatus() == IndexStatus.ACTIVE) {
                return gsi;
            }
            assertEquals(IndexStatus.CREATING, gsi.indexStatus());
            assertTrue(gsi.backfilling(), "Backfilling is reported while the index is CREATING");
            Thread.sleep(50);
        }
        throw new AssertionError("the backfill did not finish");
    }

    private static Set<String> indexed(KeysmithEngine ddb, String status) {
        Set<String> ids = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = ddb.query(b -> b.tableName("orders")
                    .indexName("byStatus")
                    .keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", s(status)))
                    .exclusiveStartKey(from));
            r.items().forEach(i -> ids.add(i.get("id").s()));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    @Test
    void backfillIndexesExistingItemsAndKeepsConcurrentWrites(@TempDir Path dir) throws Exception {
        try (KeysmithEngine ddb = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
            Fixtures.createTable(ddb, "orders", "id", ScalarAttributeType.S);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = 0; i < 6000; i++) {
                // Every third item has no status: a sparse index skips it.
                items.add(
                        i % 3 == 0
                                ? item("id", s("o" + i), "n", n(String.valueOf(i)))
                                : item("id", s("o" + i), "status", s(i % 2 == 0 ? "OPEN" : "SHIPPED")));
            }
            for (int i = 0; i < items.size(); i += 25) {
                var batch = items.subList(i, Math.min(items.size(), i + 25)).stream()
                        .map(it -> software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .putRequest(p -> p.item(it))
                                .build())
                        .toList();
                ddb.batchWriteItem(b -> b.requestItems(Map.of("orders", batch)));
            }
            addIndex(ddb);
            // Writes racing the backfill: new items, items moved between statuses, and an index key removed.
            for (int i = 0; i < 300; i++) {
                int k = i;
                ddb.putItem(b -> b.tableName("orders").item(item("id", s("new" + k), "status", s("OPEN"))));
            }
            ddb.updateItem(b -> b.tableName("orders")
                    .key(item("id", s("o1")))
                    .updateExpression("SET #s = :v")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":v", s("OPEN"))));
            ddb.updateItem(b -> b.tableName("orders")
                    .key(item("id", s("o2")))
                    .updateExpression("REMOVE #s")
                    .expressionAttributeNames(Map.of("#s", "status")));
            GlobalSecondaryIndexDescription gsi = waitActive(ddb);

            Set<String> open = indexed(ddb, "OPEN");
            Set<String> shipped = indexed(ddb, "SHIPPED");
            Set<String> expectedOpen = new HashSet<>();
            Set<String> expectedShipped = new HashSet<>();
            for (int i = 0; i < 6000; i++) {
                if (i % 3 != 0) {
                    (i % 2 == 0 ? expectedOpen : expectedShipped).add("o" + i);
                }
            }
            for (int i = 0; i < 300; i++) {
                expectedOpen.add("new" + i);
            }
            expectedShipped.remove("o1");
            expectedOpen.add("o1");
            expectedOpen.remove("o2");
            assertEquals(expectedOpen, open);
            assertEquals(expectedShipped, shipped);
            assertEquals(expectedOpen.size() + expectedShipped.size(), gsi.itemCount(), "exact index item count");
        }
    }
}

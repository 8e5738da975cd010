package dev.keysmith.modeler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class BatchLoaderTest {
    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    private void createTable() {
        engine.createTable(b -> b.tableName("items")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    private static Map<String, AttributeValue> item(String pk, int version) {
        return Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromN(Integer.toString(version)));
    }

    @Test
    void laterWritesOfAKeyWin_acrossBatchesAndLanes() {
        createTable();
        try (BatchLoader loader = new BatchLoader(engine, 4)) {
            for (int version = 0; version < 40; version++) {
                for (int k = 0; k < 200; k++) {
                    loader.add("items", List.of("items", "k" + k), item("k" + k, version));
                }
            }
            loader.finish();
            // about 50 keys per lane: each batch holds 25 distinct keys, so every version of a key is a batch of its
            // own
            assertEquals(8000, loader.added());
            assertEquals(8000, loader.written());
        }
        for (int k = 0; k < 200; k++) {
            String pk = "k" + k;
            assertEquals(
                    "39",
                    engine.getItem(b -> b.tableName("items").key(Map.of("pk", AttributeValue.fromS(pk))))
                            .item()
                            .get("v")
                            .n(),
                    pk);
        }
    }

    @Test
    void aDuplicateInOneBatchReplacesTheEarlierItem() {
        createTable();
        try (BatchLoader loader = new BatchLoader(engine, 1)) {
            loader.add("items", List.of("items", "a"), item("a", 1));
            loader.add("items", List.of("items", "a"), item("a", 2));
            loader.finish();
            assertEquals(1, loader.added());
            assertEquals(1, loader.calls());
        }
        assertEquals(
                "2",
                engine.getItem(b -> b.tableName("items").key(Map.of("pk", AttributeValue.fromS("a"))))
                        .item()
                        .get("v")
                        .n());
    }

    @Test
    void aFailedBatchIsRethrownToTheLoader() {
        try (BatchLoader loader = new BatchLoader(engine, 2)) {
            loader.add("missing", List.of("missing", "a"), item("a", 1));
            assertThrows(ResourceNotFoundException.class, loader::finish);
        }
    }
}

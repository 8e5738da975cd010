package dev.keysmith.engine.table;

import static dev.keysmith.engine.table.Requests.attr;
import static dev.keysmith.engine.table.Requests.compositeTable;
import static dev.keysmith.engine.table.Requests.error;
import static dev.keysmith.engine.table.Requests.gsi;
import static dev.keysmith.engine.table.Requests.hashTable;
import static dev.keysmith.engine.table.Requests.projection;
import static dev.keysmith.engine.table.Requests.validation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DeleteTableTest {
    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void deleteAnswersDeletingAndDropsEverythingInOneGo() {
        engine.createTable(compositeTable("Orders")
                .attributeDefinitions(attr("pk", "S"), attr("sk", "N"), attr("g", "S"))
                .globalSecondaryIndexes(gsi("byG", "g", projection("ALL")))
                .build());
        TableDef def = engine.storage().read(tx -> engine.catalog().find(tx, "Orders"));
        engine.storage().write(tx -> {
            tx.put(def.itemStore(), new byte[] {1}, new byte[] {2});
            tx.put(def.indexes().getFirst().storeName(), new byte[] {1}, new byte[] {2});
            engine.catalog().adjustStats(tx, "Orders", 1, 10);
            return null;
        });
        TableDescription deleted =
                engine.deleteTable(b -> b.tableName("Orders")).tableDescription();
        assertEquals(TableStatus.DELETING, deleted.tableStatus());
        assertEquals("Orders", deleted.tableName());
        assertEquals(1L, deleted.itemCount());
        engine.storage().read(tx -> {
            assertNull(engine.catalog().find(tx, "Orders"));
            assertFalse(tx.storeExists(def.itemStore()));
            assertFalse(tx.storeExists(def.indexes().getFirst().storeName()));
            assertEquals(TableStats.EMPTY, engine.catalog().stats(tx, "Orders"));
            return null;
        });
        assertTrue(engine.listTables().tableNames().isEmpty());
        assertEquals(
                "Requested resource not found: Table: Orders not found",
                error("ResourceNotFoundException", () -> engine.describeTable(b -> b.tableName("Orders"))));
    }

    @Test
    void aRecreatedTableStartsEmptyWithANewId() {
        engine.createTable(hashTable("Pets").build());
        String firstId = engine.describeTable(b -> b.tableName("Pets")).table().tableId();
        engine.deleteTable(b -> b.tableName("Pets"));
        engine.createTable(hashTable("Pets").build());
        TableDescription again = engine.describeTable(b -> b.tableName("Pets")).table();
        assertNotEquals(firstId, again.tableId());
        assertEquals(0L, again.itemCount());
    }

    @Test
    void aProtectedTableCannotBeDeleted() {
        engine.createTable(hashTable("Pets").deletionProtectionEnabled(true).build());
        assertEquals(
                "Resource cannot be deleted as it is currently protected against deletion. Disable deletion"
                        + " protection first.",
                validation(() -> engine.deleteTable(b -> b.tableName("Pets"))));
        assertEquals(1, engine.listTables().tableNames().size());
        engine.updateTable(b -> b.tableName("Pets").deletionProtectionEnabled(false));
        engine.deleteTable(b -> b.tableName("Pets"));
        assertTrue(engine.listTables().tableNames().isEmpty());
    }

    @Test
    void deletingAMissingTableNamesIt() {
        assertEquals(
                "Requested resource not found: Table: Nope not found",
                error("ResourceNotFoundException", () -> engine.deleteTable(b -> b.tableName("Nope"))));
    }
}

package dev.keysmith.engine.table;

import static dev.keysmith.engine.table.Requests.error;
import static dev.keysmith.engine.table.Requests.hashTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class CatalogTest {
    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());
    private final Catalog catalog = engine.catalog();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void requireUsesTheDataPlaneMessageForAMissingTable() {
        assertEquals(
                "Requested resource not found",
                error("ResourceNotFoundException", () -> engine.storage().read(tx -> catalog.require(tx, "Nope"))));
        assertNull(engine.storage().read(tx -> catalog.find(tx, "Nope")));
    }

    @Test
    void definitionsCarryTheKeysAndStoreNames() {
        engine.createTable(hashTable("Pets").build());
        TableDef def = engine.storage().read(tx -> catalog.require(tx, "Pets"));
        assertEquals(new KeyDef("pk", ScalarAttributeType.S), def.hash());
        assertNull(def.range());
        assertEquals(Set.of("pk"), def.keyAttributeNames());
        assertEquals("t:" + def.tableId(), def.itemStore());
        assertSame(def, engine.storage().read(tx -> catalog.require(tx, "Pets")), "an unchanged entry is decoded once");
    }

    @Test
    void statisticsAddUpAndAnAbortedWriteLeavesThemUnchanged() {
        engine.createTable(hashTable("Pets").build());
        engine.storage().write(tx -> {
            catalog.adjustStats(tx, "Pets", 1, 100);
            catalog.adjustStats(tx, "Pets", 1, 50);
            return null;
        });
        assertThrows(
                IllegalStateException.class,
                () -> engine.storage().write(tx -> {
                    catalog.adjustStats(tx, "Pets", 5, 500);
                    throw new IllegalStateException("the item write failed");
                }));
        engine.storage().write(tx -> {
            catalog.adjustStats(tx, "Pets", -1, -100);
            return null;
        });
        assertEquals(new TableStats(1, 50), engine.storage().read(tx -> catalog.stats(tx, "Pets")));
        assertEquals(TableStats.EMPTY, engine.storage().read(tx -> catalog.indexStats(tx, "Pets", "none")));
    }

    @Test
    void tableNamesPageInOrder() {
        for (String name : List.of("ccc", "aaa", "bbb")) {
            engine.createTable(hashTable(name).build());
        }
        assertEquals(List.of("aaa", "bbb"), engine.storage().read(tx -> catalog.tableNames(tx, null, 2)));
        assertEquals(List.of("bbb", "ccc"), engine.storage().read(tx -> catalog.tableNames(tx, "aaa", 5)));
    }
}

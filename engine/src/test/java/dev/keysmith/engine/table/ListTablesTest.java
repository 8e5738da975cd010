package dev.keysmith.engine.table;

import static dev.keysmith.engine.table.Requests.hashTable;
import static dev.keysmith.engine.table.Requests.validation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

class ListTablesTest {
    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void namesComeInAscendingOrder() {
        for (String name : List.of("zeta", "Alpha", "beta", "a.b", "a-b", "a_b")) {
            engine.createTable(hashTable(name).build());
        }
        ListTablesResponse all = engine.listTables();
        assertEquals(List.of("Alpha", "a-b", "a.b", "a_b", "beta", "zeta"), all.tableNames());
        assertNull(all.lastEvaluatedTableName());
    }

    @Test
    void pagesFollowLastEvaluatedTableName() {
        IntStream.range(0, 7)
                .forEach(i -> engine.createTable(hashTable("tbl" + i).build()));
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = engine.listTables(b -> b.limit(3).exclusiveStartTableName(from));
            seen.addAll(page.tableNames());
            pageSizes.add(page.tableNames().size());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        assertEquals(List.of("tbl0", "tbl1", "tbl2", "tbl3", "tbl4", "tbl5", "tbl6"), seen);
        assertEquals(List.of(3, 3, 1), pageSizes);
    }

    @Test
    void theDefaultPageHoldsOneHundredNames() {
        IntStream.range(0, 101)
                .forEach(i -> engine.createTable(hashTable("t%03d".formatted(i)).build()));
        ListTablesResponse first = engine.listTables();
        assertEquals(100, first.tableNames().size());
        assertEquals("t099", first.lastEvaluatedTableName());
        assertEquals(
                List.of("t100"),
                engine.listTables(b -> b.exclusiveStartTableName("t099")).tableNames());
    }

    @Test
    void anExclusiveStartNameNeedNotExist() {
        engine.createTable(hashTable("aaa").build());
        engine.createTable(hashTable("ccc").build());
        assertEquals(
                List.of("ccc"),
                engine.listTables(b -> b.exclusiveStartTableName("bbb")).tableNames());
    }

    @Test
    void limitMustBeBetweenOneAndOneHundred() {
        assertEquals(
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 1",
                validation(() -> engine.listTables(b -> b.limit(0))));
        assertEquals(
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have"
                        + " value less than or equal to 100",
                validation(() -> engine.listTables(b -> b.limit(101))));
    }
}

package dev.keysmith.modeler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.sample.FanOut;
import dev.keysmith.modeler.sample.GenerationOptions;
import dev.keysmith.modeler.sample.ShopModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatternRunnerTest {

    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @BeforeEach
    void materialize() {
        Materializer materializer = new Materializer(engine);
        materializer.apply(materializer.plan(ShopModel.model()), false, Progress.NONE);
        materializer.load(
                ShopModel.model(),
                GenerationOptions.defaults()
                        .withItemCounts(Map.of("Customer", 20L))
                        .withFanOuts(List.of(new FanOut("Order", "Customer", 2, 4))),
                Progress.NONE);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private PatternResult run(AccessPattern pattern) {
        return new PatternRunner(engine).run(ShopModel.model().withPatterns(List.of(pattern)), pattern);
    }

    @Test
    void the_shop_patterns_are_served_by_key_reads_of_the_intended_entities() {
        List<PatternResult> results = new PatternRunner(engine).run(ShopModel.model());

        assertEquals(4, results.size());
        for (PatternResult r : results) {
            assertTrue(r.met(), r.pattern().id() + ": " + r.unservable() + " " + r.problems());
            assertFalse(r.traces().isEmpty(), "the embedded engine reports a trace");
            assertTrue(r.traces().stream().noneMatch(t -> t.operation().equals("Scan")));
            assertTrue(r.consumedCapacity() > 0);
        }
        PatternResult profile = results.get(0);
        assertEquals(1, profile.itemsReturned());
        assertEquals(Map.of("Customer", 1), profile.entityTypes());
        PatternResult orders = results.get(1);
        assertTrue(orders.itemsReturned() >= 2 && orders.itemsReturned() <= 4, "fan-out 2..4");
        assertEquals(Map.of("Order", orders.itemsReturned()), orders.entityTypes());
        assertTrue(orders.request().startsWith("Query Shop PK = \"CUST#"), orders.request());
        assertEquals("GSI1", results.get(2).traces().getFirst().indexName());
        assertTrue(
                results.get(2).indexCapacity().containsKey("GSI1"),
                results.get(2).indexCapacity().toString());
    }

    @Test
    void a_query_returning_other_entity_types_fails_its_expectation() {
        AccessPattern wholePartition = AccessPattern.of(
                        "X", "orders?", Operation.Query, "Shop", "PK = CUST#{customerId}", Rate.of(1))
                .withExpectedEntityTypes(List.of("Order"));

        PatternResult r = run(wholePartition);

        assertFalse(r.met());
        assertNull(r.unservable());
        assertEquals(1, r.entityTypes().get("Customer"));
        assertTrue(r.problems().getFirst().contains("Customer"), r.problems().toString());
    }

    @Test
    void a_scan_pattern_reports_the_scan_and_is_allowed_to_scan() {
        AccessPattern scan = AccessPattern.of("S", "all", Operation.Scan, "Shop", null, Rate.of(1));

        PatternResult r = run(scan);

        assertTrue(r.met(), r.problems().toString());
        assertEquals("Scan", r.traces().getFirst().operation());
        assertEquals(engine.scan(b -> b.tableName("Shop")).count(), r.itemsReturned());
    }

    @Test
    void a_variable_no_item_has_makes_the_pattern_unservable_and_says_which() {
        AccessPattern p = AccessPattern.of(
                        "U", "by region", Operation.Query, "Shop", "PK = REGION#{region}", Rate.of(1))
                .withExpectedEntityTypes(List.of("Customer"));

        PatternResult r = run(p);

        assertFalse(r.met());
        assertNotNull(r.unservable());
        assertTrue(r.unservable().contains("region"), r.unservable());
    }

    @Test
    void a_get_item_without_the_full_key_is_unservable() {
        AccessPattern p = AccessPattern.of("G", "get", Operation.GetItem, "Shop", "PK = CUST#{customerId}", Rate.of(1))
                .withExpectedEntityTypes(List.of("Customer"));

        PatternResult r = run(p);

        assertTrue(r.unservable().contains("full primary key"), r.unservable());
    }

    @Test
    void write_patterns_run_and_leave_the_data_as_it_was() {
        int before = engine.scan(b -> b.tableName("Shop")).count();
        List<AccessPattern> writes = List.of(
                AccessPattern.of("W1", "put", Operation.PutItem, "Shop", null, Rate.of(1))
                        .withExpectedEntityTypes(List.of("Order")),
                AccessPattern.of(
                                "W2",
                                "update",
                                Operation.UpdateItem,
                                "Shop",
                                "PK = CUST#{customerId} AND SK = PROFILE",
                                Rate.of(1))
                        .withExpectedEntityTypes(List.of("Customer")),
                AccessPattern.of(
                                "W3",
                                "delete",
                                Operation.DeleteItem,
                                "Shop",
                                "PK = CUST#{customerId} AND SK = ORDER#{orderId}",
                                Rate.of(1))
                        .withExpectedEntityTypes(List.of("Order")),
                AccessPattern.of("W4", "batch get", Operation.BatchGetItem, "Shop", null, Rate.of(1))
                        .withExpectedEntityTypes(List.of("Order"))
                        .withExpectedItemsPerRequest(5),
                AccessPattern.of("W5", "batch write", Operation.BatchWriteItem, "Shop", null, Rate.of(1))
                        .withExpectedEntityTypes(List.of("Order"))
                        .withExpectedItemsPerRequest(5),
                AccessPattern.of("W6", "tx get", Operation.TransactGetItems, "Shop", null, Rate.of(1))
                        .withExpectedEntityTypes(List.of("Customer"))
                        .withExpectedItemsPerRequest(3),
                AccessPattern.of("W7", "tx write", Operation.TransactWriteItems, "Shop", null, Rate.of(1))
                        .withExpectedEntityTypes(List.of("Customer"))
                        .withExpectedItemsPerRequest(3));
        DataModel model = ShopModel.model().withPatterns(writes);

        List<PatternResult> results = new PatternRunner(engine).run(model);

        for (PatternResult r : results) {
            assertTrue(r.met(), r.pattern().id() + ": " + r.unservable() + " " + r.problems());
        }
        assertEquals(5, results.get(3).itemsReturned());
        assertEquals(3, results.get(5).itemsReturned());
        assertEquals(before, (int) engine.scan(b -> b.tableName("Shop")).count());
    }
}

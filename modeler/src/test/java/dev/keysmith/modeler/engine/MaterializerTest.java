package dev.keysmith.modeler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.sample.FanOut;
import dev.keysmith.modeler.sample.GenerationOptions;
import dev.keysmith.modeler.sample.ShopModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class MaterializerTest {

    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());
    private final Materializer materializer = new Materializer(engine);

    @AfterEach
    void close() {
        engine.close();
    }

    private TableDescription describe(String table) {
        return engine.describeTable(b -> b.tableName(table)).table();
    }

    private void materialize(DataModel model) {
        materializer.apply(materializer.plan(model), false, Progress.NONE);
    }

    private static DataModel withTable(TableDesign table) {
        return DataModel.of("m", List.of(table));
    }

    @Test
    void a_missing_table_is_created_with_its_indexes_and_ttl_and_then_nothing_is_left_to_do() {
        TableDesign table = ShopModel.table().withTtlAttribute("expiresAt");
        Plan plan = materializer.plan(withTable(table));
        assertEquals(2, plan.steps().size(), plan.toString());
        assertInstanceOf(Step.CreateTable.class, plan.steps().get(0));
        assertInstanceOf(Step.SetTtl.class, plan.steps().get(1));
        assertFalse(plan.isDestructive());

        List<Step> done = materializer.apply(plan, false, Progress.NONE);

        assertEquals(plan.steps(), done);
        assertEquals(
                List.of("GSI1"),
                describe("Shop").globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexName)
                        .toList());
        var ttl = engine.describeTimeToLive(b -> b.tableName("Shop")).timeToLiveDescription();
        assertEquals("expiresAt", ttl.attributeName());
        assertTrue(ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        assertTrue(materializer.plan(withTable(table)).isEmpty());
    }

    @Test
    void an_added_gsi_is_one_update_and_becomes_active() {
        materialize(withTable(ShopModel.table()));
        IndexDesign gsi2 = IndexDesign.of("GSI2", KeyAttribute.string("GSI2PK"), KeyAttribute.string("GSI2SK"));
        TableDesign wider = ShopModel.table().withGsis(List.of(ShopModel.GSI1, gsi2));

        Plan plan = materializer.plan(withTable(wider));

        assertEquals(List.of(new Step.AddGsi("Shop", gsi2)), plan.steps());
        materializer.apply(plan, false, Progress.NONE);
        assertTrue(describe("Shop").globalSecondaryIndexes().stream()
                .anyMatch(g -> g.indexName().equals("GSI2") && g.indexStatus() == IndexStatus.ACTIVE));
        assertTrue(materializer.plan(withTable(wider)).isEmpty());
    }

    @Test
    void a_removed_gsi_is_deleted_without_touching_the_table() {
        materialize(ShopModel.model());
        materializer.load(ShopModel.model(), GenerationOptions.defaults(), Progress.NONE);
        TableDesign narrower = ShopModel.table().withGsis(List.of());

        Plan plan = materializer.plan(withTable(narrower));

        assertEquals(List.of(new Step.RemoveGsi("Shop", "GSI1")), plan.steps());
        assertFalse(plan.isDestructive());
        materializer.apply(plan, false, Progress.NONE);
        assertTrue(describe("Shop").globalSecondaryIndexes().isEmpty());
        assertEquals(20, describe("Shop").itemCount());
    }

    @Test
    void a_changed_key_needs_a_destructive_recreate() {
        materialize(ShopModel.model());
        TableDesign rekeyed = ShopModel.table().withKeys(KeyAttribute.string("PK"), KeyAttribute.number("SK"));

        Plan plan = materializer.plan(withTable(rekeyed));

        assertTrue(plan.isDestructive());
        assertInstanceOf(Step.RecreateTable.class, plan.steps().getFirst());
        assertThrows(IllegalStateException.class, () -> materializer.apply(plan, false, Progress.NONE));
        assertEquals(
                "S",
                describe("Shop").attributeDefinitions().stream()
                        .filter(d -> d.attributeName().equals("SK"))
                        .findFirst()
                        .orElseThrow()
                        .attributeTypeAsString());
        materializer.apply(plan, true, Progress.NONE);
        assertEquals(
                "N",
                describe("Shop").attributeDefinitions().stream()
                        .filter(d -> d.attributeName().equals("SK"))
                        .findFirst()
                        .orElseThrow()
                        .attributeTypeAsString());
        assertTrue(materializer.plan(withTable(rekeyed)).isEmpty());
    }

    @Test
    void load_writes_every_generated_item_in_batches_of_25() {
        materialize(ShopModel.model());
        GenerationOptions options = GenerationOptions.defaults()
                .withItemCounts(Map.of("Customer", 30L))
                .withFanOuts(List.of(new FanOut("Order", "Customer", 1, 3)));
        AtomicLong lastDone = new AtomicLong();

        LoadResult result = new Materializer(engine, 1).load(ShopModel.model(), options, new Progress() {
            @Override
            public void update(long done, long total, String message) {
                lastDone.set(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });

        assertFalse(result.cancelled());
        assertEquals(result.total(), result.written());
        assertEquals(result.total(), lastDone.get());
        assertEquals((result.total() + 24) / 25, result.batches(), "one lane: full batches of 25, then the rest");
        assertEquals(
                result.total(), (long) engine.scan(b -> b.tableName("Shop")).count());
    }

    @Test
    void load_on_several_lanes_writes_the_same_items_as_a_sequential_load() {
        materialize(ShopModel.model());
        GenerationOptions options =
                GenerationOptions.defaults().withItemCounts(Map.of("Customer", 400L, "Order", 600L));
        LoadResult parallel = new Materializer(engine, 4).load(ShopModel.model(), options, Progress.NONE);
        List<Map<String, AttributeValue>> loaded = scanAll();

        KeysmithEngine sequentialEngine = KeysmithEngine.open(EngineConfig.inMemory());
        try (sequentialEngine) {
            Materializer sequential = new Materializer(sequentialEngine, 1);
            sequential.apply(sequential.plan(ShopModel.model()), false, Progress.NONE);
            LoadResult one = sequential.load(ShopModel.model(), options, Progress.NONE);
            assertEquals(one.written(), parallel.written());
            assertEquals(
                    sorted(sequentialEngine.scan(b -> b.tableName("Shop")).items()),
                    sorted(loaded),
                    "the same items as a sequential load");
        }
        assertEquals(1000, parallel.total());
        assertTrue(parallel.batches() >= 1000 / 25, "at least one call per 25 items");
    }

    private List<Map<String, AttributeValue>> scanAll() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        engine.scanPaginator(b -> b.tableName("Shop")).items().forEach(items::add);
        return items;
    }

    private static List<String> sorted(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> new TreeMap<>(i).toString()).sorted().toList();
    }

    @Test
    void cancellation_stops_a_load() {
        materialize(ShopModel.model());
        GenerationOptions options =
                GenerationOptions.defaults().withItemCounts(Map.of("Customer", 500L, "Order", 500L));
        LoadResult result = materializer.load(ShopModel.model(), options, new Progress() {
            private long done;

            @Override
            public void update(long done, long total, String message) {
                this.done = done;
            }

            @Override
            public boolean isCancelled() {
                return done >= 100;
            }
        });

        assertTrue(result.cancelled());
        assertTrue(result.written() >= 100 && result.written() < 1000, "stopped part of the way: " + result.written());
        assertEquals(1000, result.total());
        assertEquals(
                result.written(),
                (long) engine.scan(b -> b.tableName("Shop")).count(),
                "what the load reports written is what the table holds");
    }
}

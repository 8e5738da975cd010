package dev.keysmith.modeler.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SampleDataGeneratorTest {

    private static GenerationOptions options(long customers) {
        return GenerationOptions.defaults()
                .withItemCounts(Map.of("Customer", customers, "Order", customers))
                .withStoredSamples(false);
    }

    private static List<GeneratedItem> generate(GenerationOptions options) {
        return new SampleDataGenerator(ShopModel.model(), options).stream().toList();
    }

    @Test
    void the_same_seed_gives_the_same_items_and_another_seed_different_ones() {
        List<GeneratedItem> first = generate(options(50).withSeed(7));
        List<GeneratedItem> again = generate(options(50).withSeed(7));
        List<GeneratedItem> other = generate(options(50).withSeed(8));
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void each_entity_gets_its_count_and_keys_render_from_its_templates() {
        List<GeneratedItem> items = generate(options(30));
        assertEquals(60, items.size());
        for (GeneratedItem g : items) {
            Map<String, AttributeValue> item = g.item();
            assertTrue(item.get("PK").s().matches("CUST#[0-9a-f-]{36}"), item.toString());
            if (g.entityType().equals("Customer")) {
                assertEquals("PROFILE", item.get("SK").s());
                assertTrue(item.get("email").s().contains("@"));
                assertTrue(item.get("address").m().containsKey("city"));
                Instant.parse(item.get("since").s());
            } else {
                String orderId = item.get("SK").s().substring("ORDER#".length());
                UUID.fromString(orderId);
                assertEquals("ORDER#" + orderId, item.get("GSI1PK").s());
                int total = Integer.parseInt(item.get("total").n());
                assertTrue(total >= 1 && total <= 500, "total " + total);
                assertTrue(Set.of("NEW", "PAID", "SHIPPED")
                        .contains(item.get("status").s()));
                assertEquals(4, item.get("note").s().split(" ").length);
                assertTrue(Long.parseLong(item.get("placedAt").n()) > 1_500_000_000L);
                assertTrue(item.get("lines").hasL());
            }
        }
    }

    @Test
    void fan_out_puts_between_min_and_max_children_into_each_parents_partition() {
        GenerationOptions options = options(40).withFanOuts(List.of(new FanOut("Order", "Customer", 1, 5)));
        SampleDataGenerator generator = new SampleDataGenerator(ShopModel.model(), options);
        List<GeneratedItem> items = generator.stream().toList();
        assertEquals(generator.count(), items.size());
        Map<String, Integer> ordersPerCustomer = new HashMap<>();
        String currentParent = null;
        for (GeneratedItem g : items) {
            String pk = g.item().get("PK").s();
            if (g.entityType().equals("Customer")) {
                currentParent = pk;
                ordersPerCustomer.put(pk, 0);
            } else {
                assertEquals(currentParent, pk, "an order follows its customer and shares its partition");
                ordersPerCustomer.merge(pk, 1, Integer::sum);
            }
        }
        assertEquals(40, ordersPerCustomer.size());
        assertTrue(ordersPerCustomer.values().stream().allMatch(n -> n >= 1 && n <= 5), ordersPerCustomer.toString());
        assertTrue(ordersPerCustomer.values().stream().distinct().count() > 1, "counts vary");
    }

    @Test
    void skew_puts_the_given_fraction_of_items_on_one_partition_key() {
        GenerationOptions options = options(1000)
                .withItemCounts(Map.of("Customer", 0L, "Order", 1000L))
                .withSkews(List.of(new Skew("Order", 0.3)));
        Map<String, Integer> perPartition = new HashMap<>();
        generate(options).forEach(g -> perPartition.merge(g.item().get("PK").s(), 1, Integer::sum));
        int hottest = perPartition.values().stream().max(Integer::compare).orElseThrow();
        assertTrue(hottest > 220 && hottest < 380, "about 300 of 1000 orders on the hot key, got " + hottest);
    }

    @Test
    void generation_is_lazy() {
        SampleDataGenerator generator = new SampleDataGenerator(
                ShopModel.model(), options(0).withItemCounts(Map.of("Customer", 2_000_000_000L, "Order", 0L)));
        assertEquals(5, generator.stream().limit(5).count());
    }

    @Test
    void unknown_entities_in_options_are_refused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SampleDataGenerator(
                        ShopModel.model(), options(1).withFanOuts(List.of(new FanOut("Invoice", "Customer", 1, 2)))));
        assertThrows(IllegalArgumentException.class, () -> new FanOut("Order", "Customer", 3, 2));
    }
}

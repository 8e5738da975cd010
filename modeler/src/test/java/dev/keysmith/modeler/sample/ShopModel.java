package dev.keysmith.modeler.sample;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.GeneratorSpec;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A single-table shop: customers (profile item) and their orders, with a GSI on the order id. */
public final class ShopModel {

    private ShopModel() {}

    public static final IndexDesign GSI1 = IndexDesign.of("GSI1", KeyAttribute.string("GSI1PK"), null);

    public static TableDesign table() {
        return TableDesign.of("Shop", KeyAttribute.string("PK"), KeyAttribute.string("SK"))
                .withGsis(List.of(GSI1))
                .withEntities(List.of(customer(), order()));
    }

    public static EntityType customer() {
        return EntityType.of(
                "Customer",
                templates("PK", "CUST#{customerId}", "SK", "PROFILE"),
                List.of(
                        spec("name", AttributeType.S, "name.fullName"),
                        spec("email", AttributeType.S, "internet.emailAddress"),
                        spec("address", AttributeType.M, "address"),
                        spec("since", AttributeType.S, "date.iso8601")));
    }

    public static EntityType order() {
        return EntityType.of(
                "Order",
                templates("PK", "CUST#{customerId}", "SK", "ORDER#{orderId}", "GSI1PK", "ORDER#{orderId}"),
                List.of(
                        spec("total", AttributeType.N, "number.range{1,500}"),
                        spec("status", AttributeType.S, "enum{NEW,PAID,SHIPPED}"),
                        spec("placedAt", AttributeType.N, "date.epoch"),
                        spec("note", AttributeType.S, "lorem.words{4}"),
                        spec("lines", AttributeType.L, null)));
    }

    public static DataModel model() {
        return new DataModel("shop", "", List.of(table()), patterns());
    }

    public static List<AccessPattern> patterns() {
        return List.of(
                AccessPattern.of(
                                "AP1",
                                "customer profile",
                                Operation.GetItem,
                                "Shop",
                                "PK = CUST#{customerId} AND SK = PROFILE",
                                Rate.of(1))
                        .withExpectedEntityTypes(List.of("Customer")),
                AccessPattern.of(
                                "AP2",
                                "orders of a customer",
                                Operation.Query,
                                "Shop",
                                "PK = CUST#{customerId} AND begins_with(SK, 'ORDER#')",
                                Rate.of(1))
                        .withExpectedEntityTypes(List.of("Order"))
                        .withExpectedItemsPerRequest(3),
                AccessPattern.of("AP3", "order by id", Operation.Query, "Shop", "GSI1PK = ORDER#{orderId}", Rate.of(1))
                        .withIndex("GSI1")
                        .withExpectedEntityTypes(List.of("Order")),
                AccessPattern.of(
                                "AP4",
                                "paid orders of a customer",
                                Operation.Query,
                                "Shop",
                                "PK = CUST#{customerId} AND begins_with(SK, 'ORDER#')",
                                Rate.of(1))
                        .withFilter("status = :status")
                        .withExpectedEntityTypes(List.of("Order")));
    }

    private static AttributeSpec spec(String name, AttributeType type, String generator) {
        return new AttributeSpec(name, type, true, generator == null ? null : GeneratorSpec.parse(generator), null);
    }

    private static Map<String, KeyTemplate> templates(String... pairs) {
        Map<String, KeyTemplate> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], KeyTemplate.parse(pairs[i + 1]));
        }
        return map;
    }
}

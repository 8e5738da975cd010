package dev.keysmith.modeler.model;

import dev.keysmith.modeler.template.KeyTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small but complete project used by model, io and validate tests. */
public final class TestModels {

    private TestModels() {}

    public static EntityType customer() {
        Map<String, KeyTemplate> keys = new LinkedHashMap<>();
        keys.put("PK", KeyTemplate.parse("CUSTOMER#{customerId}"));
        keys.put("SK", KeyTemplate.parse("PROFILE"));
        keys.put("GSI1PK", KeyTemplate.parse("EMAIL#{email}"));
        return new EntityType(
                "Customer",
                keys,
                List.of(
                        new AttributeSpec(
                                "email", AttributeType.S, true, GeneratorSpec.parse("internet.emailAddress"), 30),
                        new AttributeSpec("name", AttributeType.S, true, GeneratorSpec.parse("name.fullName"), 20),
                        AttributeSpec.of("expiresAt", AttributeType.N)),
                new Volume(100_000, 5_000, 2.5, 40.0));
    }

    public static EntityType order() {
        Map<String, KeyTemplate> keys = new LinkedHashMap<>();
        keys.put("PK", KeyTemplate.parse("CUSTOMER#{customerId}"));
        keys.put("SK", KeyTemplate.parse("ORDER#{orderDate}#{orderId}"));
        return new EntityType(
                "Order",
                keys,
                List.of(
                        new AttributeSpec(
                                "status", AttributeType.S, true, GeneratorSpec.parse("enum{NEW,PAID,SHIPPED}"), 8),
                        new AttributeSpec(
                                "total", AttributeType.N, true, GeneratorSpec.parse("number.range{1,500}"), 4)),
                new Volume(2_000_000, 80_000, 10, null));
    }

    public static TableDesign ordersTable() {
        return TableDesign.of("Orders", KeyAttribute.string("PK"), KeyAttribute.string("SK"))
                .withBilling(BillingMode.PROVISIONED, new ProvisionedCapacity(10, 5, new AutoScaling(5, 100, 70), null))
                .withTtlAttribute("expiresAt")
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                .withDeletionProtection(true)
                .withGsis(List.of(new IndexDesign(
                        "GSI1",
                        KeyAttribute.string("GSI1PK"),
                        null,
                        ProjectionKind.INCLUDE,
                        List.of("name"),
                        ProvisionedCapacity.of(5, 5))))
                .withEntities(List.of(customer(), order()))
                .withSampleItems(List.of(new SampleItem(
                        "Customer",
                        Map.of(
                                "PK", Map.of("S", "CUSTOMER#1"),
                                "SK", Map.of("S", "PROFILE"),
                                "email", Map.of("S", "a@example.com")))))
                .withMetadata(Map.of(TableDesign.POINT_IN_TIME_RECOVERY, "true"));
    }

    public static List<AccessPattern> patterns() {
        return List.of(
                AccessPattern.of(
                                "AP1",
                                "Get customer",
                                Operation.GetItem,
                                "Orders",
                                "PK = CUSTOMER#{customerId} AND SK = PROFILE",
                                new Rate(40, 120))
                        .withExpectedEntityTypes(List.of("Customer")),
                AccessPattern.of(
                                "AP2",
                                "Get orders",
                                Operation.Query,
                                "Orders",
                                "PK = CUSTOMER#{customerId} AND begins_with(SK, 'ORDER#')",
                                new Rate(10, 30))
                        .withExpectedItemsPerRequest(20)
                        .withExpectedEntityTypes(List.of("Order")),
                AccessPattern.of(
                                "AP3",
                                "Find customer by email",
                                Operation.Query,
                                "Orders",
                                "GSI1PK = EMAIL#{email}",
                                Rate.of(2))
                        .withIndex("GSI1")
                        .withProjection("PK, name")
                        .withExpectedEntityTypes(List.of("Customer")),
                AccessPattern.of("AP4", "Place order", Operation.PutItem, "Orders", null, Rate.of(10))
                        .withExpectedEntityTypes(List.of("Order")));
    }

    public static Project shop() {
        DataModel model = new DataModel("Shop", "Customers and their orders", List.of(ordersTable()), patterns());
        return Project.of("Shop", List.of(model)).withMetadata(Map.of("author", "Keysmith tests"));
    }
}

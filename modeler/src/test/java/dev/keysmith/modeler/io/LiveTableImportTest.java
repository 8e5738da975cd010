package dev.keysmith.modeler.io;

import static dev.keysmith.modeler.io.LiveTables.hash;
import static dev.keysmith.modeler.io.LiveTables.item;
import static dev.keysmith.modeler.io.LiveTables.range;
import static dev.keysmith.modeler.io.LiveTables.s;
import static dev.keysmith.modeler.io.LiveTables.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.StreamViewType;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.validate.Diagnostic;
import dev.keysmith.modeler.validate.ModelValidator;
import dev.keysmith.modeler.validate.Severity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

class LiveTableImportTest {

    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    // ---- fixtures (see LiveTables) ----

    private void put(String table, Map<String, AttributeValue> item) {
        LiveTables.put(engine, table, item);
    }

    private void createApp() {
        LiveTables.createApp(engine);
    }

    private void createOnDemand(String name, String pk, @Nullable String sk) {
        LiveTables.createOnDemand(engine, name, pk, sk);
    }

    /**
     * The engine as a client whose one-argument calls go through {@code watch} (which may replace the answer); the
     * argument is the request object, or the builder consumer of the SDK's convenience overloads.
     */
    private DynamoDbClient watched(BiFunction<Object, Object, Object> watch) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(engine, args);
                        return args != null && args.length == 1 ? watch.apply(args[0], answer) : answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ImportResult read(List<String> tables) throws ImportException {
        return LiveTableImport.read(engine, tables, LiveImportOptions.of("live", "the test engine"));
    }

    private static TableDesign only(ImportResult result) {
        return result.project().models().getFirst().tables().getFirst();
    }

    private static String text(Object typed) {
        Map<?, ?> map = (Map<?, ?>) typed;
        return String.valueOf(map.containsKey("S") ? map.get("S") : map.get("N"));
    }

    /** Every key value of every sample item parses with its entity's template and renders back unchanged. */
    private static void assertTemplatesFitTheSamples(TableDesign table) {
        for (SampleItem sample : table.sampleItems()) {
            EntityType entity = table.entity(sample.entityType()).orElseThrow();
            entity.keyTemplates().forEach((attribute, template) -> {
                Object value = sample.attributes().get(attribute);
                if (value == null) {
                    assertFalse(table.keyNames().contains(attribute), "table key " + attribute + " missing");
                    return;
                }
                String key = text(value);
                Map<String, String> variables =
                        template.match(key).orElseThrow(() -> new AssertionError(template + " does not match " + key));
                assertEquals(key, template.render(variables));
            });
        }
    }

    private static Map<String, String> templates(EntityType entity) {
        Map<String, String> texts = new LinkedHashMap<>();
        entity.keyTemplates().forEach((k, t) -> texts.put(k, t.text()));
        return texts;
    }

    // ---- tests ----

    @Test
    void key_prefixes_give_entity_types_and_templates_and_describe_table_gives_the_design() throws Exception {
        createApp();

        ImportResult result = read(List.of("App"));
        TableDesign table = only(result);

        assertEquals(KeyAttribute.string("PK"), table.partitionKey());
        assertEquals(KeyAttribute.string("SK"), table.sortKey());
        assertEquals(BillingMode.PROVISIONED, table.billingMode());
        assertEquals(ProvisionedCapacity.of(7, 3), table.capacity());
        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, table.tableClass());
        assertEquals("expiresAt", table.ttlAttribute());
        assertEquals(StreamViewType.NEW_IMAGE, table.streamViewType());
        assertTrue(table.deletionProtection());
        assertEquals(
                List.of(
                        IndexDesign.of("Inverted", KeyAttribute.string("SK"), KeyAttribute.string("PK"))
                                .withCapacity(ProvisionedCapacity.of(4, 2)),
                        IndexDesign.of("ByEmail", KeyAttribute.string("email"), null)
                                .withProjection(ProjectionKind.KEYS_ONLY, List.of())
                                .withCapacity(ProvisionedCapacity.of(1, 1))),
                table.gsis());
        assertEquals(
                List.of(IndexDesign.of("ByCreated", KeyAttribute.string("PK"), KeyAttribute.string("createdAt"))
                        .withProjection(ProjectionKind.INCLUDE, List.of("status"))),
                table.lsis());

        assertEquals(
                List.of("UserProfile", "Order"),
                table.entities().stream()
                        .map(EntityType::name)
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList());
        EntityType user = table.entity("UserProfile").orElseThrow();
        EntityType order = table.entity("Order").orElseThrow();
        assertEquals(Map.of("PK", "USER#{userId}", "SK", "PROFILE", "email", "{email}"), templates(user));
        assertEquals(
                Map.of("PK", "USER#{userId}", "SK", "ORDER#{orderDate}#{orderId}", "createdAt", "{createdAt}"),
                templates(order));
        assertTemplatesFitTheSamples(table);

        assertEquals(
                new AttributeSpec("name", AttributeType.S, true, null, 3),
                user.attribute("name").orElseThrow());
        assertEquals(
                new AttributeSpec("age", AttributeType.N, false, null, 2),
                user.attribute("age").orElseThrow());
        assertTrue(user.attribute("email").orElseThrow().required());
        assertTrue(user.attribute("PK").isEmpty(), "table keys are covered by the templates");
        assertEquals(AttributeType.N, order.attribute("total").orElseThrow().type());
        assertEquals(AttributeType.N, order.attribute("expiresAt").orElseThrow().type());
        assertEquals(3, user.volume().itemCount());
        assertEquals(3, order.volume().itemCount());

        assertEquals(6, table.sampleItems().size());
        assertEquals(
                3,
                table.sampleItems().stream()
                        .filter(i -> "Order".equals(i.entityType()))
                        .count());
        assertTrue(
                result.warnings().stream()
                        .anyMatch(w -> w.startsWith("table App, entity Order:") && w.contains("attribute total")),
                result.warnings().toString());
        List<Diagnostic> problems = ModelValidator.validate(result.project()).stream()
                .filter(d -> d.severity() != Severity.INFO)
                .toList();
        assertEquals(List.of(), problems, "the imported model passes the model checks");
    }

    @Test
    void an_entity_type_attribute_is_preferred_and_variables_take_the_names_of_equal_attributes() throws Exception {
        createOnDemand("Shop", "pk", "sk");
        put("Shop", item("pk", s("alice"), "sk", s("alice"), "_type", s("Customer"), "customerId", s("alice")));
        put("Shop", item("pk", s("bruno"), "sk", s("bruno"), "_type", s("Customer"), "customerId", s("bruno")));
        put(
                "Shop",
                item(
                        "pk",
                        s("alice"),
                        "sk",
                        s("2024-05-01T10:00:00Z"),
                        "_type",
                        s("Order"),
                        "customerId",
                        s("alice"),
                        "orderedAt",
                        s("2024-05-01T10:00:00Z")));
        put(
                "Shop",
                item(
                        "pk",
                        s("bruno"),
                        "sk",
                        s("2024-05-02T11:00:00Z"),
                        "_type",
                        s("Order"),
                        "customerId",
                        s("bruno"),
                        "orderedAt",
                        s("2024-05-02T11:00:00Z")));
        put("Shop", item("pk", s("CONFIG"), "sk", s("CONFIG"), "value", s("x")));

        ImportResult result = read(List.of());
        TableDesign table = only(result);

        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingMode());
        assertNull(table.capacity());
        assertNull(table.ttlAttribute());
        assertNull(table.streamViewType());
        assertEquals(
                Map.of("pk", "{customerId}", "sk", "{customerId}"),
                templates(table.entity("Customer").orElseThrow()));
        assertEquals(
                Map.of("pk", "{customerId}", "sk", "{orderedAt}"),
                templates(table.entity("Order").orElseThrow()));
        assertEquals(
                Map.of("pk", "CONFIG", "sk", "CONFIG"),
                templates(table.entity("Config").orElseThrow()));
        assertEquals(3, table.entities().size());
        assertTemplatesFitTheSamples(table);
    }

    @Test
    void without_prefixes_or_an_entity_type_attribute_the_items_form_one_entity_named_after_the_table()
            throws Exception {
        createOnDemand("Users", "id", null);
        for (String id : List.of("alice", "bob", "carol", "dave")) {
            put("Users", item("id", s(id), "plan", s("free")));
        }

        TableDesign table = only(read(List.of("Users")));

        assertEquals(1, table.entities().size());
        EntityType users = table.entities().getFirst();
        assertEquals("Users", users.name());
        assertEquals(Map.of("id", "{id}"), templates(users));
        assertTemplatesFitTheSamples(table);
    }

    @Test
    void keys_of_different_depths_under_one_word_are_different_entity_types() throws Exception {
        createOnDemand("Orgs", "PK", "SK");
        put("Orgs", item("PK", s("ORG#1"), "SK", s("ORG#1"), "name", s("Acme")));
        put("Orgs", item("PK", s("ORG#2"), "SK", s("ORG#2"), "name", s("Initech")));
        put("Orgs", item("PK", s("ORG#1"), "SK", s("ORG#1#USER#7"), "email", s("a@acme.io")));
        put("Orgs", item("PK", s("ORG#2"), "SK", s("ORG#2#USER#8"), "email", s("b@initech.io")));

        TableDesign table = only(read(List.of("Orgs")));

        assertEquals(
                Map.of("PK", "ORG#{orgId}", "SK", "ORG#{orgId}"),
                templates(table.entity("Org").orElseThrow()));
        assertEquals(
                Map.of("PK", "ORG#{orgId}", "SK", "ORG#{orgId}#USER#{userId}"),
                templates(table.entity("OrgUser").orElseThrow()));
        assertTemplatesFitTheSamples(table);
    }

    @Test
    void lower_case_leading_words_are_tags_too_unless_there_are_too_many_of_them() throws Exception {
        createOnDemand("Lower", "pk", "sk");
        put("Lower", item("pk", s("user#1"), "sk", s("user#1")));
        put("Lower", item("pk", s("user#2"), "sk", s("user#2")));
        put("Lower", item("pk", s("user#1"), "sk", s("order#2024-01-02#77")));
        put("Lower", item("pk", s("user#2"), "sk", s("order#2024-01-03#78")));
        createOnDemand("Readings", "pk", null);
        for (String sensor : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")) {
            put("Readings", item("pk", s("sensor" + sensor + "#2024-01-02")));
        }

        List<TableDesign> tables =
                read(List.of("Lower", "Readings")).project().models().getFirst().tables();

        TableDesign lower = tables.getFirst();
        assertEquals(
                Map.of("pk", "user#{userId}", "sk", "user#{userId}"),
                templates(lower.entity("User").orElseThrow()));
        assertEquals(
                Map.of("pk", "user#{userId}", "sk", "order#{orderDate}#{orderId}"),
                templates(lower.entity("Order").orElseThrow()));
        assertTemplatesFitTheSamples(lower);
        TableDesign readings = tables.get(1);
        assertEquals(
                List.of("Readings"),
                readings.entities().stream().map(EntityType::name).toList());
        assertTemplatesFitTheSamples(readings);
    }

    @Test
    void an_attribute_named_type_that_splits_items_with_the_same_key_tags_is_a_plain_attribute() throws Exception {
        createOnDemand("Cards", "PK", null);
        put("Cards", item("PK", s("CARD#1"), "type", s("credit")));
        put("Cards", item("PK", s("CARD#2"), "type", s("debit")));
        put("Cards", item("PK", s("CARD#3"), "type", s("credit")));

        ImportResult result = read(List.of("Cards"));
        TableDesign table = only(result);

        assertEquals(
                List.of("Card"), table.entities().stream().map(EntityType::name).toList());
        assertEquals(
                AttributeType.S,
                table.entities().getFirst().attribute("type").orElseThrow().type());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void two_templates_of_an_entity_share_a_variable_name_only_where_the_values_agree() throws Exception {
        engine.createTable(b -> b.tableName("Follows")
                .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("PK"), range("SK"))
                .attributeDefinitions(string("PK"), string("SK")));
        put("Follows", item("PK", s("USER#a"), "SK", s("USER#b")));
        put("Follows", item("PK", s("USER#a"), "SK", s("USER#c")));
        put("Follows", item("PK", s("USER#d"), "SK", s("USER#d")));

        EntityType follows = only(read(List.of())).entities().getFirst();

        assertEquals(Map.of("PK", "USER#{userId}", "SK", "USER#{userId2}"), templates(follows));
    }

    @Test
    void the_sample_stops_at_the_sample_size_and_never_scans_further() throws Exception {
        createOnDemand("Big", "PK", null);
        for (int i = 0; i < 12; i++) {
            put("Big", item("PK", s("ITEM#" + i)));
        }
        List<Integer> limits = new ArrayList<>();
        int[] read = new int[1];
        DynamoDbClient counting = watched((request, answer) -> {
            if (request instanceof ScanRequest scan) {
                limits.add(scan.limit());
                read[0] += ((ScanResponse) answer).count();
            }
            return answer;
        });

        ImportResult result = LiveTableImport.read(
                counting, List.of(), LiveImportOptions.of("big", "here").withSampleSize(5));

        TableDesign table = only(result);
        assertEquals(5, read[0]);
        assertEquals(List.of(5), limits);
        assertEquals(5, table.sampleItems().size());
        assertEquals(
                List.of(KeyTemplate.parse("ITEM#{itemId}")),
                table.entities().stream().map(e -> e.keyTemplates().get("PK")).toList());
        assertEquals(12, table.entities().getFirst().volume().itemCount(), "the volume scales to the table's count");
        assertTrue(
                result.warnings().stream()
                        .anyMatch(w -> w.startsWith("table Big: the sample stopped at the first 5 items")),
                result.warnings().toString());
    }

    @Test
    void an_empty_table_is_imported_with_a_warning() throws Exception {
        createOnDemand("Empty", "PK", "SK");

        ImportResult result = read(List.of("Empty"));

        assertTrue(only(result).entities().isEmpty());
        assertEquals(List.of("table Empty: the table is empty; no entity types inferred"), result.warnings());
    }

    @Test
    void a_named_table_that_does_not_exist_is_an_error_naming_it_and_the_source() {
        createOnDemand("Present", "PK", null);

        ImportException e = assertThrows(ImportException.class, () -> read(List.of("Present", "Missing")));

        assertEquals("Table Missing not found at the test engine", e.getMessage());
        assertEquals("the test engine", e.location());
    }

    @Test
    void a_listed_table_deleted_before_it_is_read_is_skipped_with_a_warning() throws Exception {
        createOnDemand("Kept", "PK", null);
        DynamoDbClient listingAGhost = watched((request, answer) -> answer instanceof ListTablesResponse
                ? ListTablesResponse.builder().tableNames("Ghost", "Kept").build()
                : answer);

        ImportResult result =
                LiveTableImport.read(listingAGhost, List.of(), LiveImportOptions.of("p", "the test engine"));

        assertEquals(
                List.of("Kept"),
                result.project().models().getFirst().tables().stream()
                        .map(TableDesign::name)
                        .toList());
        assertTrue(
                result.warnings().contains("table Ghost: no longer exists; skipped"),
                result.warnings().toString());
    }

    @Test
    void without_table_names_every_table_is_imported_across_list_tables_pages() throws Exception {
        for (int i = 0; i < 105; i++) {
            createOnDemand("Table%03d".formatted(i), "PK", null);
        }
        List<Object> listings = new ArrayList<>();
        DynamoDbClient counting = watched((request, answer) -> {
            if (answer instanceof ListTablesResponse) {
                listings.add(answer);
            }
            return answer;
        });

        ImportResult result = LiveTableImport.read(
                counting, List.of(), LiveImportOptions.of("all", "here").withSampleSize(0));

        assertEquals(2, listings.size(), "ListTables returns at most 100 names a page");
        assertEquals(105, result.project().models().getFirst().tables().size());
        assertEquals(List.of(), result.warnings(), "a sample size of 0 reads no items and warns of nothing");
    }

    @Test
    void the_project_records_where_it_came_from() throws Exception {
        createOnDemand("Tbl", "PK", null);

        ImportResult result = read(List.of());

        assertEquals("live", result.project().name());
        assertEquals("the test engine", result.project().metadata().get(LiveTableImport.SOURCE));
        assertEquals("1000", result.project().metadata().get(LiveTableImport.SAMPLE_SIZE));
    }
}

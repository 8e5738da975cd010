package dev.keysmith.modeler.validate;

import static dev.keysmith.modeler.validate.Fixtures.entity;
import static dev.keysmith.modeler.validate.Fixtures.gsi;
import static dev.keysmith.modeler.validate.Fixtures.pattern;
import static dev.keysmith.modeler.validate.Fixtures.query;
import static dev.keysmith.modeler.validate.Fixtures.run;
import static dev.keysmith.modeler.validate.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.AutoScaling;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.Consistency;
import dev.keysmith.modeler.model.GeneratorSpec;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.Volume;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule with a minimal model that triggers it and one that does not. */
class RulesTest {

    private static Diagnostic only(List<Diagnostic> diagnostics) {
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        return diagnostics.getFirst();
    }

    private static void assertClean(List<Diagnostic> diagnostics) {
        assertEquals(List.of(), diagnostics);
    }

    @Nested
    class PatternUnserved {
        private final Rule rule = new UnservedPatternRule();

        @Test
        void a_query_on_a_non_key_attribute_needs_a_scan() {
            Diagnostic d = only(run(rule, table(), query("AP1", "status = {status}")));
            assertEquals(Severity.ERROR, d.severity());
            assertEquals("models[0].patterns[AP1]", d.path());
            assertEquals("pattern-unserved", d.ruleId());
            assertEquals("Add a GSI with partition key status", d.suggestedFix());
        }

        @Test
        void a_query_on_the_table_key_is_served() {
            assertClean(run(rule, table(), query("AP1", "PK = USER#{id} AND begins_with(SK, 'ORDER#')")));
            assertClean(run(rule, table(), query("AP2", "PK = :pk AND SK BETWEEN :a AND :b")));
        }

        @Test
        void a_query_naming_the_wrong_index_points_to_the_right_one() {
            TableDesign table = table().withGsis(List.of(gsi("ByStatus", "status"), gsi("ByEmail", "email")));
            Diagnostic d = only(run(rule, table, query("AP1", "email = {email}").withIndex("ByStatus")));
            assertEquals("Query index ByEmail", d.suggestedFix());
        }

        @Test
        void a_query_on_an_index_key_is_served() {
            TableDesign table = table().withGsis(List.of(gsi("ByStatus", "status")));
            assertClean(run(rule, table, query("AP1", "status = {s}").withIndex("ByStatus")));
        }

        @Test
        void a_get_item_needs_the_full_primary_key_with_equalities() {
            Diagnostic d = only(run(rule, table(), pattern("AP1", Operation.GetItem, "PK = USER#{id}")));
            assertTrue(d.suggestedFix().contains("PK and SK"), d.suggestedFix());
            assertClean(run(rule, table(), pattern("AP2", Operation.GetItem, "PK = USER#{id} AND SK = PROFILE")));
        }

        @Test
        void a_get_item_cannot_use_an_index() {
            TableDesign table = table().withGsis(List.of(gsi("ByEmail", "email")));
            Diagnostic d = only(run(
                    rule,
                    table,
                    pattern("AP1", Operation.GetItem, "email = {e}").withIndex("ByEmail")));
            assertTrue(d.message().contains("cannot use index ByEmail"), d.message());
        }

        @Test
        void a_query_without_key_condition_is_an_error() {
            assertEquals(
                    Severity.ERROR, only(run(rule, table(), query("AP1", null))).severity());
        }
    }

    @Nested
    class IndexUnused {
        private final Rule rule = new UnusedIndexRule();

        @Test
        void an_index_no_pattern_uses_is_flagged() {
            TableDesign table = table().withGsis(List.of(gsi("GSI1", "email")));
            Diagnostic d = only(run(rule, table, query("AP1", "PK = {id}")));
            assertEquals(Severity.WARNING, d.severity());
            assertEquals("models[0].tables[Orders].gsis[GSI1]", d.path());
        }

        @Test
        void a_used_index_is_not_flagged() {
            TableDesign table = table().withGsis(List.of(gsi("GSI1", "email")));
            assertClean(run(rule, table, query("AP1", "email = {e}").withIndex("GSI1")));
        }

        @Test
        void a_table_without_patterns_gets_one_info() {
            TableDesign table = table().withGsis(List.of(gsi("GSI1", "email")));
            assertEquals(Severity.INFO, only(run(rule, table)).severity());
        }
    }

    @Nested
    class IndexProjection {
        private final Rule rule = new ProjectionRule();
        private final TableDesign table = table().withGsis(
                        List.of(gsi("GSI1", "email").withProjection(ProjectionKind.INCLUDE, List.of("name"))))
                .withLsis(List.of(IndexDesign.of("LSI1", KeyAttribute.string("PK"), KeyAttribute.string("date"))
                        .withProjection(ProjectionKind.KEYS_ONLY, List.of())));

        @Test
        void reading_an_unprojected_attribute_of_a_gsi_is_an_error() {
            Diagnostic d = only(run(
                    rule, table, query("AP1", "email = {e}").withIndex("GSI1").withProjection("name, address.city")));
            assertEquals(Severity.ERROR, d.severity());
            assertTrue(d.message().contains("reads address,"), d.message());
        }

        @Test
        void filtering_on_an_unprojected_attribute_of_an_lsi_is_a_warning() {
            Diagnostic d = only(
                    run(rule, table, query("AP1", "PK = {p}").withIndex("LSI1").withFilter("status = 'OPEN'")));
            assertEquals(Severity.WARNING, d.severity());
        }

        @Test
        void reading_projected_and_key_attributes_is_fine() {
            assertClean(run(
                    rule, table, query("AP1", "email = {e}").withIndex("GSI1").withProjection("PK, SK, email, name")));
        }
    }

    @Nested
    class FilterOnKey {
        private final Rule rule = new KeyFilterRule();

        @Test
        void a_query_filter_on_the_sort_key_is_an_error() {
            Diagnostic d = only(run(rule, table(), query("AP1", "PK = {p}").withFilter("SK > :x AND status = :s")));
            assertEquals(Severity.ERROR, d.severity());
            assertTrue(d.message().contains("key attribute SK"), d.message());
        }

        @Test
        void a_query_filter_on_non_key_attributes_is_fine() {
            assertClean(run(rule, table(), query("AP1", "PK = {p}").withFilter("attribute_exists(status)")));
        }

        @Test
        void a_scan_may_filter_on_keys() {
            assertClean(run(rule, table(), pattern("AP1", Operation.Scan, null).withFilter("PK = :p")));
        }
    }

    @Nested
    class Scan {
        private final Rule rule = new ScanRule();

        @Test
        void a_frequent_scan_is_a_warning() {
            Diagnostic d =
                    only(run(rule, table(), pattern("AP1", Operation.Scan, null).withRate(Rate.of(5))));
            assertEquals(Severity.WARNING, d.severity());
        }

        @Test
        void a_rare_scan_is_an_info_and_other_operations_are_not_flagged() {
            AccessPattern rare = pattern("AP1", Operation.Scan, null).withRate(Rate.of(0.001));
            assertEquals(Severity.INFO, only(run(rule, table(), rare)).severity());
            assertClean(run(rule, table(), query("AP2", "PK = {p}")));
        }
    }

    @Nested
    class KeyCollision {
        private final Rule rule = new KeyCollisionRule();

        @Test
        void templates_that_can_produce_the_same_key_are_flagged_with_an_example() {
            TableDesign table = table().withEntities(List.of(
                    entity("User", "USER#{id}", "PROFILE"), entity("Admin", "USER#{name}", "{anything}")));
            Diagnostic d = only(run(rule, table));
            assertEquals(Severity.WARNING, d.severity());
            assertTrue(d.message().contains("PK=USER#"), d.message());
        }

        @Test
        void distinct_prefixes_do_not_collide() {
            TableDesign table = table().withEntities(List.of(
                    entity("User", "USER#{id}", "PROFILE"), entity("Order", "USER#{id}", "ORDER#{orderId}")));
            assertClean(run(rule, table));
        }
    }

    @Nested
    class KeyTemplateCoverage {
        private final Rule rule = new KeyTemplateCoverageRule();

        @Test
        void a_missing_sort_key_template_is_flagged() {
            Diagnostic d = only(run(rule, table().withEntities(List.of(entity("User", "USER#{id}", null)))));
            assertTrue(d.message().contains("no key template for SK"), d.message());
        }

        @Test
        void templates_for_table_and_index_keys_are_fine() {
            TableDesign table = table().withGsis(List.of(gsi("GSI1", "GSI1PK")))
                    .withEntities(List.of(entity("User", "USER#{id}", "PROFILE")
                            .withKeyTemplates(Map.of(
                                    "PK", dev.keysmith.modeler.template.KeyTemplate.parse("USER#{id}"),
                                    "SK", dev.keysmith.modeler.template.KeyTemplate.parse("PROFILE"),
                                    "GSI1PK", dev.keysmith.modeler.template.KeyTemplate.parse("EMAIL#{email}")))));
            assertClean(run(rule, table));
        }
    }

    @Nested
    class HotPartition {
        private final Rule rule = new HotPartitionRule();

        @Test
        void a_constant_partition_key_under_heavy_writes_is_flagged() {
            TableDesign table = table().withEntities(
                            List.of(entity("Event", "EVENTS", "{ts}").withVolume(new Volume(0, 0, 2_000, null))));
            Diagnostic d = only(run(rule, table));
            assertEquals(Severity.WARNING, d.severity()); // the table has a sort key: adaptive capacity may help
            assertTrue(d.message().contains("2000 WCU/s"), d.message());
        }

        @Test
        void without_a_sort_key_it_is_an_error() {
            TableDesign table = TableDesign.of("Orders", KeyAttribute.string("PK"), null)
                    .withEntities(
                            List.of(entity("Counter", "COUNTER", null).withVolume(new Volume(0, 0, 1_500, null))));
            assertEquals(Severity.ERROR, only(run(rule, table)).severity());
        }

        @Test
        void enum_generated_keys_divide_the_load_by_their_values() {
            AttributeSpec status =
                    AttributeSpec.of("status", AttributeType.S).withGenerator(GeneratorSpec.parse("enum{A,B,C}"));
            TableDesign hot = table().withEntities(List.of(
                    entity("Task", "STATUS#{status}", "{id}", status).withVolume(new Volume(0, 0, 3_300, null))));
            assertTrue(only(run(rule, hot)).message().contains("takes only 3 values"));
            TableDesign fine = table().withEntities(List.of(
                    entity("Task", "STATUS#{status}", "{id}", status).withVolume(new Volume(0, 0, 2_900, null))));
            assertClean(run(rule, fine));
        }

        @Test
        void heavy_reads_on_a_constant_key_are_flagged() {
            TableDesign table = table().withEntities(List.of(entity("Config", "CONFIG", "{name}")));
            AccessPattern reads = query("AP1", "PK = CONFIG")
                    .withConsistency(Consistency.STRONG)
                    .withRate(new Rate(1_000, 4_000))
                    .withExpectedEntityTypes(List.of("Config"));
            assertTrue(only(run(rule, table, reads)).message().contains("4000 RCU/s"));
        }

        @Test
        void a_high_cardinality_key_is_fine_at_any_rate() {
            TableDesign table = table().withEntities(List.of(
                    entity("User", "USER#{id}", "PROFILE").withVolume(new Volume(0, 0, 100_000, null))));
            assertClean(run(rule, table));
        }
    }

    @Nested
    class ItemSize {
        private final Rule rule = new ItemSizeRule();

        private TableDesign withBlob(int bytes) {
            AttributeSpec blob = AttributeSpec.of("blob", AttributeType.B).withTypicalSizeBytes(bytes);
            return table().withEntities(List.of(entity("Doc", "DOC#{id}", "V#{v}", blob)));
        }

        @Test
        void items_near_the_limit_warn_and_items_over_it_are_errors() {
            assertEquals(Severity.WARNING, only(run(rule, withBlob(320_000))).severity());
            assertEquals(Severity.ERROR, only(run(rule, withBlob(409_600))).severity());
        }

        @Test
        void small_items_are_fine() {
            assertClean(run(rule, withBlob(100_000)));
        }
    }

    @Nested
    class IndexLimits {
        private final Rule rule = new IndexLimitRule();

        @Test
        void more_than_five_lsis_is_an_error_and_more_than_twenty_gsis_a_warning() {
            List<IndexDesign> lsis = IntStream.range(0, 6)
                    .mapToObj(i -> IndexDesign.of("LSI" + i, KeyAttribute.string("PK"), KeyAttribute.string("s" + i)))
                    .toList();
            assertEquals(Severity.ERROR, only(run(rule, table().withLsis(lsis))).severity());
            List<IndexDesign> gsis = IntStream.range(0, 21)
                    .mapToObj(i -> gsi("GSI" + i, "g" + i))
                    .toList();
            assertEquals(
                    Severity.WARNING, only(run(rule, table().withGsis(gsis))).severity());
        }

        @Test
        void more_than_100_projected_attributes_is_an_error() {
            List<String> attributes =
                    IntStream.range(0, 101).mapToObj(i -> "a" + i).toList();
            TableDesign table =
                    table().withGsis(List.of(gsi("GSI1", "g").withProjection(ProjectionKind.INCLUDE, attributes)));
            assertTrue(only(run(rule, table)).message().contains("101 non-key attributes"));
        }

        @Test
        void five_lsis_and_twenty_gsis_are_fine() {
            List<IndexDesign> lsis = IntStream.range(0, 5)
                    .mapToObj(i -> IndexDesign.of("LSI" + i, KeyAttribute.string("PK"), KeyAttribute.string("s" + i)))
                    .toList();
            List<IndexDesign> gsis = IntStream.range(0, 20)
                    .mapToObj(i -> gsi("GSI" + i, "g" + i))
                    .toList();
            assertClean(run(rule, table().withLsis(lsis).withGsis(gsis)));
        }
    }

    @Nested
    class LocalIndexes {
        private final Rule rule = new LocalIndexRule();

        private List<Diagnostic> errors(TableDesign table) {
            return run(rule, table).stream()
                    .filter(d -> d.severity() == Severity.ERROR)
                    .toList();
        }

        @Test
        void an_lsi_on_a_table_without_sort_key_is_an_error() {
            TableDesign table = TableDesign.of("Orders", KeyAttribute.string("PK"), null)
                    .withLsis(List.of(IndexDesign.of("LSI1", KeyAttribute.string("PK"), KeyAttribute.string("d"))));
            assertTrue(only(errors(table)).message().contains("no sort key"));
        }

        @Test
        void an_lsi_with_another_partition_key_is_an_error() {
            TableDesign table = table().withLsis(
                            List.of(IndexDesign.of("LSI1", KeyAttribute.string("other"), KeyAttribute.string("d"))));
            assertTrue(only(errors(table)).message().contains("shares the table's partition key"));
        }

        @Test
        void a_proper_lsi_only_gets_the_collection_size_note() {
            TableDesign table = table().withLsis(
                            List.of(IndexDesign.of("LSI1", KeyAttribute.string("PK"), KeyAttribute.string("d"))));
            assertEquals(Severity.INFO, only(run(rule, table)).severity());
            assertClean(run(rule, table()));
        }
    }

    @Nested
    class AttributeTypes {
        private final Rule rule = new AttributeTypeRule();

        @Test
        void the_same_attribute_with_two_types_is_a_warning() {
            TableDesign table = table().withEntities(List.of(
                    entity("A", "A#{id}", "X", AttributeSpec.of("email", AttributeType.S)),
                    entity("B", "B#{id}", "X", AttributeSpec.of("email", AttributeType.N))));
            Diagnostic d = only(run(rule, table));
            assertEquals(Severity.WARNING, d.severity());
            assertEquals("models[0].tables[Orders].entities[B].attributes[email]", d.path());
        }

        @Test
        void a_key_attribute_declared_as_a_map_is_an_error() {
            TableDesign table = table().withGsis(List.of(gsi("GSI1", "owner")))
                    .withEntities(List.of(entity("A", "A#{id}", "X", AttributeSpec.of("owner", AttributeType.M))));
            Diagnostic d = only(run(rule, table));
            assertEquals(Severity.ERROR, d.severity());
            assertTrue(d.message().contains("can only be S, N or B"), d.message());
        }

        @Test
        void consistent_types_are_fine() {
            TableDesign table = table().withEntities(List.of(
                    entity("A", "A#{id}", "X", AttributeSpec.of("email", AttributeType.S)),
                    entity("B", "B#{id}", "X", AttributeSpec.of("email", AttributeType.S))));
            assertClean(run(rule, table));
        }
    }

    @Nested
    class Ttl {
        private final Rule rule = new TtlRule();

        @Test
        void a_string_ttl_attribute_is_flagged() {
            TableDesign table = table().withTtlAttribute("expires")
                    .withEntities(List.of(entity("S", "S#{id}", "X", AttributeSpec.of("expires", AttributeType.S))));
            Diagnostic d = only(run(rule, table));
            assertEquals(Severity.WARNING, d.severity());
            assertTrue(d.message().contains("only expires items whose TTL attribute is a Number"), d.message());
        }

        @Test
        void a_number_ttl_attribute_is_fine() {
            TableDesign table = table().withTtlAttribute("expires")
                    .withEntities(List.of(entity("S", "S#{id}", "X", AttributeSpec.of("expires", AttributeType.N))));
            assertClean(run(rule, table));
        }

        @Test
        void a_ttl_on_a_key_attribute_is_an_error() {
            assertEquals(
                    Severity.ERROR,
                    only(run(rule, table().withTtlAttribute("SK"))).severity());
        }
    }

    @Nested
    class Naming {
        private final Rule rule = new NamingRule();

        @Test
        void short_names_and_bad_characters_are_errors() {
            Diagnostic d = only(run(rule, table().withName("Or")));
            assertEquals("models[0].tables[Or]", d.path());
            assertEquals("Rename it to \"Or_\"", d.suggestedFix());
            Diagnostic index = only(run(rule, table().withGsis(List.of(gsi("by email", "email")))));
            assertEquals("Rename it to \"by_email\"", index.suggestedFix());
        }

        @Test
        void a_name_from_a_cloudformation_function_is_a_warning() {
            Diagnostic d = only(run(rule, table().withName("!Sub ${Env}-orders")));
            assertEquals(Severity.WARNING, d.severity());
        }

        @Test
        void valid_names_are_fine() {
            assertClean(run(rule, table().withName("orders.v2-prod_1").withGsis(List.of(gsi("GSI-1", "g")))));
        }
    }

    @Nested
    class Capacity {
        private final Rule rule = new CapacityRule();

        @Test
        void provisioned_without_capacity_is_an_error() {
            Diagnostic d = only(run(rule, table().withBilling(BillingMode.PROVISIONED, null)));
            assertEquals(Severity.ERROR, d.severity());
            assertEquals("models[0].tables[Orders]", d.path());
        }

        @Test
        void bad_auto_scaling_is_an_error() {
            ProvisionedCapacity capacity = new ProvisionedCapacity(5, 5, new AutoScaling(10, 5, 95), null);
            assertEquals(
                    2,
                    run(rule, table().withBilling(BillingMode.PROVISIONED, capacity))
                            .size());
        }

        @Test
        void provisioned_with_capacity_everywhere_is_fine() {
            TableDesign table = table().withBilling(BillingMode.PROVISIONED, ProvisionedCapacity.of(5, 5))
                    .withGsis(List.of(gsi("GSI1", "g").withCapacity(ProvisionedCapacity.of(1, 1))));
            assertClean(run(rule, table));
            assertClean(run(rule, table()));
        }
    }

    @Nested
    class UnknownReferences {
        private final Rule rule = new UnknownReferenceRule();

        @Test
        void unknown_tables_indexes_and_entities_are_errors() {
            AccessPattern unknownTable = AccessPattern.of("AP1", "a", Operation.Query, "Nope", "PK = x", Rate.of(1));
            AccessPattern unknownIndex = query("AP2", "g = x").withIndex("GSI9");
            AccessPattern unknownEntity = query("AP3", "PK = x").withExpectedEntityTypes(List.of("Ghost"));
            List<Diagnostic> diagnostics = run(rule, table(), unknownTable, unknownIndex, unknownEntity);
            assertEquals(
                    List.of("models[0].patterns[AP1]", "models[0].patterns[AP2]", "models[0].patterns[AP3]"),
                    diagnostics.stream().map(Diagnostic::path).toList());
            assertTrue(diagnostics.stream().allMatch(d -> d.severity() == Severity.ERROR));
        }

        @Test
        void a_sample_item_of_an_unknown_entity_is_a_warning() {
            TableDesign table = table().withSampleItems(List.of(new SampleItem("Ghost", Map.of())));
            assertEquals(Severity.WARNING, only(run(rule, table)).severity());
        }

        @Test
        void known_references_are_fine() {
            TableDesign table = table().withEntities(List.of(entity("User", "U#{id}", "P")));
            assertClean(run(rule, table, query("AP1", "PK = x").withExpectedEntityTypes(List.of("User"))));
        }
    }

    @Nested
    class DuplicateNames {
        private final Rule rule = new DuplicateNameRule();

        @Test
        void a_gsi_and_an_lsi_with_the_same_name_clash() {
            TableDesign table = table().withGsis(List.of(gsi("Idx", "g")))
                    .withLsis(List.of(IndexDesign.of("Idx", KeyAttribute.string("PK"), KeyAttribute.string("d"))));
            assertEquals(
                    "models[0].tables[Orders].lsis[Idx]", only(run(rule, table)).path());
        }

        @Test
        void duplicate_pattern_ids_clash_and_distinct_ones_do_not() {
            assertEquals(
                    Severity.ERROR,
                    only(run(rule, table(), query("AP1", "PK = x"), query("AP1", "PK = y")))
                            .severity());
            assertClean(run(rule, table(), query("AP1", "PK = x"), query("AP2", "PK = y")));
        }
    }

    @Nested
    class ConsistencyChecks {
        private final Rule rule = new ConsistencyRule();

        @Test
        void strong_reads_on_a_gsi_are_an_error() {
            TableDesign table = table().withGsis(List.of(gsi("GSI1", "g")));
            AccessPattern p = query("AP1", "g = x").withIndex("GSI1").withConsistency(Consistency.STRONG);
            assertEquals(Severity.ERROR, only(run(rule, table, p)).severity());
        }

        @Test
        void strong_reads_on_the_table_are_fine() {
            assertClean(run(rule, table(), query("AP1", "PK = x").withConsistency(Consistency.STRONG)));
        }
    }

    @Nested
    class RequestLimits {
        private final Rule rule = new RequestLimitRule();

        @Test
        void a_batch_write_of_more_than_25_items_is_an_error() {
            AccessPattern p = pattern("AP1", Operation.BatchWriteItem, null).withExpectedItemsPerRequest(26);
            assertTrue(only(run(rule, table(), p)).message().contains("the limit is 25"));
        }

        @Test
        void batches_within_limits_are_fine() {
            assertClean(run(
                    rule,
                    table(),
                    pattern("AP1", Operation.BatchWriteItem, null).withExpectedItemsPerRequest(25),
                    pattern("AP2", Operation.BatchGetItem, null).withExpectedItemsPerRequest(100),
                    query("AP3", "PK = x").withExpectedItemsPerRequest(5_000)));
        }
    }

    @Test
    void every_rule_has_a_distinct_id() {
        List<String> ids = ModelValidator.rules().stream().map(Rule::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(
                Collections.emptyList(), ids.stream().filter(String::isBlank).toList());
    }

    @Test
    void validate_sorts_errors_first() {
        TableDesign table = table().withName("Or").withGsis(List.of(gsi("GSI1", "g")));
        AccessPattern p = AccessPattern.of("AP1", "scan", Operation.Scan, "Or", null, Rate.of(10));
        List<Diagnostic> diagnostics = ModelValidator.validate(Fixtures.project(table, p));
        assertEquals(Severity.ERROR, diagnostics.getFirst().severity());
        assertTrue(diagnostics.stream().anyMatch(d -> d.ruleId().equals("scan")));
        assertTrue(diagnostics.stream().anyMatch(d -> d.ruleId().equals("index-unused")));
    }
}

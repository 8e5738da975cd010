package dev.keysmith.modeler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

    private static List<String> lines(Project before, Project after) {
        return ModelDiff.diff(before, after).stream().map(Change::line).toList();
    }

    private static Project editOrders(java.util.function.UnaryOperator<TableDesign> edit) {
        return TestModels.shop().editModel("Shop", m -> m.editTable("Orders", edit));
    }

    @Test
    void identical_projects_have_no_changes() {
        assertEquals(List.of(), lines(TestModels.shop(), TestModels.shop()));
    }

    @Test
    void an_added_gsi_is_one_line() {
        Project after = editOrders(t -> {
            List<IndexDesign> gsis = new ArrayList<>(t.gsis());
            gsis.add(IndexDesign.of("GSI2", KeyAttribute.string("status"), null));
            return t.withGsis(gsis);
        });
        assertEquals(List.of("table Orders: GSI GSI2 added"), lines(TestModels.shop(), after));
    }

    @Test
    void an_attribute_type_change_names_the_entity_and_both_types() {
        Project after = editOrders(t -> t.editEntity(
                "Customer",
                e -> e.withAttributes(e.attributes().stream()
                        .map(a -> a.name().equals("email") ? a.withType(AttributeType.N) : a)
                        .toList())));
        assertEquals(List.of("entity Customer: attribute email type S -> N"), lines(TestModels.shop(), after));
    }

    @Test
    void a_rate_change_names_the_pattern() {
        Project after = TestModels.shop()
                .editModel("Shop", m -> m.withPattern(m.patterns().get(1).withRate(new Rate(20, 30))));
        assertEquals(List.of("pattern 'Get orders': rate 10/s -> 20/s"), lines(TestModels.shop(), after));
    }

    @Test
    void removed_tables_and_patterns_are_listed() {
        Project after = TestModels.shop()
                .editModel(
                        "Shop",
                        m -> m.withTables(List.of()).withPatterns(m.patterns().subList(0, 3)));
        assertEquals(
                List.of("model Shop: table Orders removed", "model Shop: pattern 'Place order' removed"),
                lines(TestModels.shop(), after));
    }

    @Test
    void table_settings_changes_show_old_and_new_values() {
        Project after = editOrders(t -> t.withTtlAttribute(null)
                .withBilling(BillingMode.PAY_PER_REQUEST, null)
                .withTableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertEquals(
                List.of(
                        "table Orders: billing mode PROVISIONED -> PAY_PER_REQUEST",
                        "table Orders: capacity 10 RCU/5 WCU, read auto scaling 5..100 at 70% -> none",
                        "table Orders: table class STANDARD -> STANDARD_INFREQUENT_ACCESS",
                        "table Orders: TTL attribute expiresAt -> none"),
                lines(TestModels.shop(), after));
    }

    @Test
    void a_key_template_change_shows_both_templates() {
        Project after = editOrders(t -> t.editEntity(
                "Order",
                e -> e.withKeyTemplates(java.util.Map.of(
                        "PK", dev.keysmith.modeler.template.KeyTemplate.parse("CUSTOMER#{customerId}"),
                        "SK", dev.keysmith.modeler.template.KeyTemplate.parse("ORDER#{orderId}")))));
        assertEquals(
                List.of("entity Order: key template SK ORDER#{orderDate}#{orderId} -> ORDER#{orderId}"),
                lines(TestModels.shop(), after));
    }
}

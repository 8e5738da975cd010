package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal models for rule tests. */
final class Fixtures {

    private Fixtures() {}

    /** On-demand table "Orders" with PK/SK strings. */
    static TableDesign table() {
        return TableDesign.of("Orders", KeyAttribute.string("PK"), KeyAttribute.string("SK"));
    }

    static IndexDesign gsi(String name, String partitionKey) {
        return IndexDesign.of(name, KeyAttribute.string(partitionKey), null);
    }

    static EntityType entity(String name, String pk, String sk, AttributeSpec... attributes) {
        Map<String, KeyTemplate> keys = new LinkedHashMap<>();
        keys.put("PK", KeyTemplate.parse(pk));
        if (sk != null) {
            keys.put("SK", KeyTemplate.parse(sk));
        }
        return EntityType.of(name, keys, List.of(attributes));
    }

    static AccessPattern query(String id, String keyCondition) {
        return AccessPattern.of(id, "pattern " + id, Operation.Query, "Orders", keyCondition, Rate.of(1));
    }

    static AccessPattern pattern(String id, Operation operation, String keyCondition) {
        return AccessPattern.of(id, "pattern " + id, operation, "Orders", keyCondition, Rate.of(1));
    }

    static Project project(TableDesign table, AccessPattern... patterns) {
        return Project.of("p", List.of(new DataModel("m", "", List.of(table), List.of(patterns))));
    }

    static List<Diagnostic> run(Rule rule, TableDesign table, AccessPattern... patterns) {
        return rule.check(new ModelScope(0, project(table, patterns).models().getFirst()));
    }
}

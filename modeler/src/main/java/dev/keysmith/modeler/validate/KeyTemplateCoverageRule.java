package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every entity type has a key template for each table key attribute (otherwise its items' keys are unknown to the
 * generator and the collision check), and key templates name only key attributes of the table or its indexes.
 */
final class KeyTemplateCoverageRule implements Rule {

    @Override
    public String id() {
        return "key-template";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            List<String> indexKeys =
                    table.indexes().stream().flatMap(i -> i.keyNames().stream()).toList();
            for (EntityType entity : table.entities()) {
                for (String key : table.keyNames()) {
                    if (!entity.keyTemplates().containsKey(key)) {
                        out.add(new Diagnostic(
                                Severity.WARNING,
                                scope.path(table, entity),
                                id(),
                                "Entity type " + entity.name() + " has no key template for " + key,
                                "Add one, e.g. " + entity.name().toUpperCase(Locale.ROOT) + "#{id}"));
                    }
                }
                for (String attribute : entity.keyTemplates().keySet()) {
                    if (!table.keyNames().contains(attribute) && !indexKeys.contains(attribute)) {
                        out.add(new Diagnostic(
                                Severity.WARNING,
                                scope.path(table, entity),
                                id(),
                                "Entity type " + entity.name() + " has a key template for " + attribute
                                        + ", which is not a key of table " + table.name() + " or its indexes",
                                "Remove the template, or add the index it is meant for"));
                    }
                }
            }
        }
        return out;
    }
}

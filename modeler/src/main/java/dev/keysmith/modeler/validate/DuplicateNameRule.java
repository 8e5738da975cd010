package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Names that must be unique are: tables in a model, indexes (GSIs and LSIs together) in a table, entity types in a table, pattern ids in a model. */
final class DuplicateNameRule implements Rule {

    @Override
    public String id() {
        return "duplicate-name";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        for (TableDesign table : scope.model().tables()) {
            if (!tables.add(table.name())) {
                out.add(duplicate(scope.path(table), "table", table.name()));
            }
            Set<String> indexes = new HashSet<>();
            for (IndexDesign index : table.indexes()) {
                if (!indexes.add(index.name())) {
                    out.add(duplicate(scope.path(table, index), "index", index.name()));
                }
            }
            Set<String> entities = new HashSet<>();
            for (EntityType entity : table.entities()) {
                if (!entities.add(entity.name())) {
                    out.add(duplicate(scope.path(table, entity), "entity type", entity.name()));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            if (!ids.add(pattern.id())) {
                out.add(duplicate(scope.path(pattern), "access pattern id", pattern.id()));
            }
        }
        return out;
    }

    private Diagnostic duplicate(String path, String kind, String name) {
        return new Diagnostic(
                Severity.ERROR,
                path,
                id(),
                "There is more than one " + kind + " named " + name,
                "Rename or remove one of them");
    }
}

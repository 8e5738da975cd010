package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Access patterns name existing tables, indexes and entity types; sample items name existing entity types. */
final class UnknownReferenceRule implements Rule {

    @Override
    public String id() {
        return "unknown-reference";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            String path = scope.path(pattern);
            Optional<TableDesign> table = scope.table(pattern);
            if (table.isEmpty()) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        "Pattern '" + pattern.name() + "' uses table " + pattern.table()
                                + ", which is not in the model",
                        "Pick one of "
                                + scope.model().tables().stream()
                                        .map(TableDesign::name)
                                        .toList()));
                continue;
            }
            if (pattern.index() != null && table.get().index(pattern.index()).isEmpty()) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        "Pattern '" + pattern.name() + "' uses index " + pattern.index() + ", which table "
                                + table.get().name() + " does not have",
                        "Add the index or pick an existing one"));
            }
            for (String entity : pattern.expectedEntityTypes()) {
                if (table.get().entity(entity).isEmpty()) {
                    out.add(new Diagnostic(
                            Severity.ERROR,
                            path,
                            id(),
                            "Pattern '" + pattern.name() + "' expects entity type " + entity + ", which table "
                                    + table.get().name() + " does not have",
                            "Pick one of "
                                    + table.get().entities().stream()
                                            .map(EntityType::name)
                                            .toList()));
                }
            }
        }
        for (TableDesign table : scope.model().tables()) {
            for (int i = 0; i < table.sampleItems().size(); i++) {
                SampleItem item = table.sampleItems().get(i);
                if (item.entityType() != null && table.entity(item.entityType()).isEmpty()) {
                    out.add(new Diagnostic(
                            Severity.WARNING,
                            scope.path(table) + ".sampleItems[" + i + "]",
                            id(),
                            "Sample item belongs to entity type " + item.entityType() + ", which table " + table.name()
                                    + " does not have",
                            null));
                }
            }
        }
        return out;
    }
}

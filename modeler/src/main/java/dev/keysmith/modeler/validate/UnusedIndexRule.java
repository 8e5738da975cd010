package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * Every index is used by some access pattern (an unused GSI costs writes and storage; an unused LSI costs storage and
 * the 10 GB collection limit). Tables without any access pattern get one INFO instead, since their patterns are not
 * modelled yet.
 */
final class UnusedIndexRule implements Rule {

    @Override
    public String id() {
        return "index-unused";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            List<AccessPattern> patterns = scope.model().patterns().stream()
                    .filter(p -> p.table().equals(table.name()))
                    .toList();
            if (patterns.isEmpty()) {
                out.add(new Diagnostic(
                        Severity.INFO,
                        scope.path(table),
                        id(),
                        "Table " + table.name() + " has no access patterns, so its keys and indexes are not checked"
                                + " against any",
                        "Add the access patterns the application needs"));
                continue;
            }
            for (IndexDesign index : table.indexes()) {
                if (patterns.stream().noneMatch(p -> index.name().equals(p.index()))) {
                    out.add(new Diagnostic(
                            Severity.WARNING,
                            scope.path(table, index),
                            id(),
                            "No access pattern uses index " + index.name() + "; every write to a projected item still"
                                    + " pays for it",
                            "Remove the index, or add the access pattern it is for"));
                }
            }
        }
        return out;
    }
}

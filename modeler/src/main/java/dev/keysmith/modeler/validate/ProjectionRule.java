package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pattern on an index reads only attributes the index projects (its projection expression and filter). On a GSI the
 * others are simply not available (ERROR); on an LSI DynamoDB fetches them from the table at extra read cost (WARNING).
 */
final class ProjectionRule implements Rule {

    @Override
    public String id() {
        return "index-projection";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            Optional<KeyShape> target = scope.target(pattern);
            if (target.isEmpty() || target.get().index() == null) {
                continue;
            }
            IndexDesign index = target.get().index();
            if (index.projection() == ProjectionKind.ALL) {
                continue;
            }
            TableDesign table = target.get().table();
            Set<String> projected = new LinkedHashSet<>(table.keyNames());
            projected.addAll(index.keyNames());
            if (index.projection() == ProjectionKind.INCLUDE) {
                projected.addAll(index.nonKeyAttributes());
            }
            Set<String> read = new LinkedHashSet<>();
            if (pattern.projection() != null) {
                read.addAll(Expressions.projectionAttributes(pattern.projection()));
            }
            if (pattern.filter() != null) {
                read.addAll(Expressions.filterAttributes(pattern.filter()));
            }
            read.removeAll(projected);
            if (read.isEmpty()) {
                continue;
            }
            boolean global = target.get().isGlobalIndex();
            out.add(new Diagnostic(
                    global ? Severity.ERROR : Severity.WARNING,
                    scope.path(pattern),
                    id(),
                    "Pattern '" + pattern.name() + "' reads " + String.join(", ", read) + ", which index "
                            + index.name() + " (" + index.projection() + ") does not project"
                            + (global ? "" : "; DynamoDB fetches them from the table at extra read cost"),
                    "Add " + String.join(", ", read) + " to the INCLUDE projection of " + index.name()
                            + ", or project ALL"));
        }
        return out;
    }
}

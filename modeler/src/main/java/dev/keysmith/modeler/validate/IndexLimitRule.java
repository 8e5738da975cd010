package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * Index limits: at most 5 LSIs (hard limit), 20 GSIs (default quota, adjustable), 100 projected non-key attributes
 * summed over all indexes of a table; an INCLUDE projection lists at least one attribute.
 */
final class IndexLimitRule implements Rule {

    @Override
    public String id() {
        return "index-limits";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            String path = scope.path(table);
            if (table.lsis().size() > 5) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        "Table " + table.name() + " has " + table.lsis().size() + " LSIs; DynamoDB allows 5",
                        "Turn some LSIs into GSIs"));
            }
            if (table.gsis().size() > 20) {
                out.add(new Diagnostic(
                        Severity.WARNING,
                        path,
                        id(),
                        "Table " + table.name() + " has " + table.gsis().size()
                                + " GSIs; the default quota is 20 per table",
                        "Overload GSIs (generic GSI1PK/GSI1SK attributes shared by entity types) or request a quota"
                                + " increase"));
            }
            int projected = table.indexes().stream()
                    .mapToInt(i -> i.nonKeyAttributes().size())
                    .sum();
            if (projected > 100) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        "The indexes of table " + table.name() + " project " + projected
                                + " non-key attributes in total; DynamoDB allows 100",
                        "Use ALL projections or project fewer attributes"));
            }
            for (IndexDesign index : table.indexes()) {
                if (index.projection() == ProjectionKind.INCLUDE
                        && index.nonKeyAttributes().isEmpty()) {
                    out.add(new Diagnostic(
                            Severity.ERROR,
                            scope.path(table, index),
                            id(),
                            "Index " + index.name() + " uses an INCLUDE projection without any attribute",
                            "List the attributes to include, or use KEYS_ONLY"));
                }
            }
        }
        return out;
    }
}

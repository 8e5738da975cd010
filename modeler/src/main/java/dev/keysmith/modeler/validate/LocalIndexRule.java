package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * LSIs need a table with a sort key, the table's partition key (same name and type), and a sort key of their own;
 * an LSI also caps every item collection at 10 GB (noted as INFO).
 */
final class LocalIndexRule implements Rule {

    @Override
    public String id() {
        return "lsi-keys";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            if (table.lsis().isEmpty()) {
                continue;
            }
            if (table.sortKey() == null) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        scope.path(table),
                        id(),
                        "Table " + table.name() + " has LSIs but no sort key; LSIs need a composite table key",
                        "Add a sort key to the table, or make the LSIs GSIs"));
            }
            for (IndexDesign lsi : table.lsis()) {
                String path = scope.path(table, lsi);
                if (!lsi.partitionKey().equals(table.partitionKey())) {
                    out.add(new Diagnostic(
                            Severity.ERROR,
                            path,
                            id(),
                            "LSI " + lsi.name() + " has partition key "
                                    + lsi.partitionKey().name() + " "
                                    + lsi.partitionKey().type() + "; an LSI shares the table's partition key "
                                    + table.partitionKey().name() + " "
                                    + table.partitionKey().type(),
                            "Use the table's partition key, or make it a GSI"));
                }
                if (lsi.sortKey() == null) {
                    out.add(new Diagnostic(
                            Severity.ERROR,
                            path,
                            id(),
                            "LSI " + lsi.name() + " has no sort key",
                            "Give it a sort key other than the table's"));
                }
            }
            out.add(new Diagnostic(
                    Severity.INFO,
                    scope.path(table),
                    id(),
                    "With LSIs, each partition key value of " + table.name() + " is limited to 10 GB (items plus LSI"
                            + " entries), and LSIs can only be created with the table",
                    null));
        }
        return out;
    }
}

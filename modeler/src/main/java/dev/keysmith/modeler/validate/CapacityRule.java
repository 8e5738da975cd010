package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AutoScaling;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PROVISIONED tables need capacity (at least 1 RCU and 1 WCU, for the table and each GSI); auto scaling needs min <= max
 * and a target utilisation of 20-90 %; capacity on an on-demand table is ignored.
 */
final class CapacityRule implements Rule {

    @Override
    public String id() {
        return "capacity";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            String path = scope.path(table);
            if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
                if (table.capacity() != null) {
                    out.add(new Diagnostic(
                            Severity.INFO,
                            path,
                            id(),
                            "Table " + table.name() + " is on-demand; its provisioned capacity is ignored",
                            null));
                }
                continue;
            }
            if (table.capacity() == null) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        "Table " + table.name() + " uses PROVISIONED billing but has no read/write capacity",
                        "Set read and write capacity units, or switch to PAY_PER_REQUEST"));
            } else {
                capacity(out, path, "Table " + table.name(), table.capacity());
            }
            for (IndexDesign gsi : table.gsis()) {
                if (gsi.capacity() == null) {
                    out.add(new Diagnostic(
                            Severity.WARNING,
                            scope.path(table, gsi),
                            id(),
                            "GSI " + gsi.name() + " of PROVISIONED table " + table.name()
                                    + " has no capacity of its own",
                            "Set its read and write capacity units (exports use the table's)"));
                } else {
                    capacity(out, scope.path(table, gsi), "GSI " + gsi.name(), gsi.capacity());
                }
            }
        }
        return out;
    }

    private void capacity(List<Diagnostic> out, String path, String what, ProvisionedCapacity capacity) {
        if (capacity.readCapacityUnits() < 1 || capacity.writeCapacityUnits() < 1) {
            out.add(new Diagnostic(
                    Severity.ERROR,
                    path,
                    id(),
                    what + " has " + capacity.readCapacityUnits() + " RCU / " + capacity.writeCapacityUnits()
                            + " WCU; DynamoDB needs at least 1 of each",
                    "Set at least 1 RCU and 1 WCU"));
        }
        scaling(out, path, what + " read auto scaling", capacity.readAutoScaling());
        scaling(out, path, what + " write auto scaling", capacity.writeAutoScaling());
    }

    private void scaling(List<Diagnostic> out, String path, String what, @Nullable AutoScaling scaling) {
        if (scaling == null) {
            return;
        }
        if (scaling.minCapacity() < 1 || scaling.minCapacity() > scaling.maxCapacity()) {
            out.add(new Diagnostic(
                    Severity.ERROR,
                    path,
                    id(),
                    what + " has min " + scaling.minCapacity() + " and max " + scaling.maxCapacity(),
                    "Use 1 <= min <= max"));
        }
        if (scaling.targetUtilization() < 20 || scaling.targetUtilization() > 90) {
            out.add(new Diagnostic(
                    Severity.ERROR,
                    path,
                    id(),
                    what + " targets " + scaling.targetUtilization() + "% utilisation; DynamoDB accepts 20 to 90",
                    "Use a target between 20 and 90 (70 is the console default)"));
        }
    }
}

package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * A Scan reads (and bills) the whole table or index. At one or more per second on average it is a WARNING, rarer
 * Scans (exports, migrations) an INFO.
 */
final class ScanRule implements Rule {

    static final double FREQUENT_PER_SECOND = 1.0;

    @Override
    public String id() {
        return "scan";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            if (pattern.operation() != Operation.Scan) {
                continue;
            }
            boolean frequent = pattern.rate().averagePerSecond() >= FREQUENT_PER_SECOND;
            out.add(new Diagnostic(
                    frequent ? Severity.WARNING : Severity.INFO,
                    scope.path(pattern),
                    id(),
                    "Pattern '" + pattern.name() + "' scans " + pattern.table()
                            + (frequent ? " " + pattern.rate().averagePerSecond() + " times per second" : "")
                            + "; a Scan reads every item and its cost grows with the table",
                    frequent ? "Serve it with a Query on a key or a GSI designed for it" : null));
        }
        return out;
    }
}

package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.Consistency;
import dev.keysmith.modeler.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GSIs support only eventually consistent reads; TRANSACTIONAL consistency comes only with TransactGetItems and
 * TransactWriteItems; the transaction operations are always transactional.
 */
final class ConsistencyRule implements Rule {

    @Override
    public String id() {
        return "consistency";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            Optional<KeyShape> target = scope.target(pattern);
            boolean transaction = pattern.operation() == Operation.TransactGetItems
                    || pattern.operation() == Operation.TransactWriteItems;
            if (pattern.consistency() == Consistency.STRONG
                    && target.isPresent()
                    && target.get().isGlobalIndex()) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        scope.path(pattern),
                        id(),
                        "Pattern '" + pattern.name() + "' asks for strongly consistent reads on GSI " + pattern.index()
                                + "; GSIs are eventually consistent only",
                        "Use EVENTUAL consistency, an LSI, or read the table"));
            }
            if (pattern.consistency() == Consistency.TRANSACTIONAL && !transaction) {
                out.add(new Diagnostic(
                        Severity.WARNING,
                        scope.path(pattern),
                        id(),
                        "Pattern '" + pattern.name() + "' is TRANSACTIONAL but uses " + pattern.operation(),
                        "Use TransactGetItems/TransactWriteItems, or EVENTUAL/STRONG consistency"));
            }
            if (transaction && pattern.consistency() != Consistency.TRANSACTIONAL) {
                out.add(new Diagnostic(
                        Severity.INFO,
                        scope.path(pattern),
                        id(),
                        pattern.operation() + " is always transactional (twice the capacity of a normal request);"
                                + " pattern '" + pattern.name() + "' says " + pattern.consistency(),
                        "Set its consistency to TRANSACTIONAL"));
            }
        }
        return out;
    }
}

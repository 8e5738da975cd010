package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Query's filter cannot name a key attribute of the table or index it queries (DynamoDB rejects it: "Filter
 * Expression can only contain non-primary key attributes"); such conditions belong in the key condition.
 */
final class KeyFilterRule implements Rule {

    @Override
    public String id() {
        return "filter-on-key";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            Optional<KeyShape> target = scope.target(pattern);
            if (pattern.operation() != Operation.Query || pattern.filter() == null || target.isEmpty()) {
                continue;
            }
            for (String attribute : Expressions.filterAttributes(pattern.filter())) {
                if (target.get().keyNames().contains(attribute)) {
                    out.add(new Diagnostic(
                            Severity.ERROR,
                            scope.path(pattern),
                            id(),
                            "The filter of pattern '" + pattern.name() + "' names key attribute " + attribute + " of "
                                    + target.get().label() + "; DynamoDB rejects filters on primary key attributes",
                            "Move the condition on " + attribute + " into the key condition"));
                }
            }
        }
        return out;
    }
}

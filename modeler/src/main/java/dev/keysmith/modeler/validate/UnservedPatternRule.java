package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.validate.Expressions.Clause;
import dev.keysmith.modeler.validate.Expressions.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Query must have an equality on the partition key of the table or index it uses, and may constrain only that
 * index's sort key besides; a GetItem (and other single-item operations given a key) must name exactly the table's
 * primary key with equalities, and cannot use an index. When the named table/index cannot serve the pattern, the rule
 * says which one could, or which GSI to add (otherwise the pattern needs a Scan).
 */
final class UnservedPatternRule implements Rule {

    @Override
    public String id() {
        return "pattern-unserved";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            Optional<KeyShape> target = scope.target(pattern);
            if (target.isEmpty() || pattern.operation() == Operation.Scan) {
                continue; // unknown references are reported by UnknownReferenceRule
            }
            String path = scope.path(pattern);
            boolean query = pattern.operation() == Operation.Query;
            if (pattern.keyCondition() == null || pattern.keyCondition().isBlank()) {
                if (query || pattern.operation() == Operation.GetItem) {
                    out.add(new Diagnostic(
                            Severity.ERROR,
                            path,
                            id(),
                            "Pattern '" + pattern.name() + "' (" + pattern.operation() + ") has no key condition",
                            "Write the key condition, e.g. PK = USER#{userId}"));
                }
                continue;
            }
            List<Clause> clauses = Expressions.keyCondition(pattern.keyCondition());
            if (clauses == null) {
                out.add(new Diagnostic(
                        Severity.WARNING,
                        path,
                        id(),
                        "Cannot read the key condition \"" + pattern.keyCondition() + "\" of pattern '" + pattern.name()
                                + "'",
                        "Write clauses like PK = USER#{userId} AND begins_with(SK, 'ORDER#')"));
                continue;
            }
            if (!query && pattern.index() != null) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        pattern.operation() + " addresses items by the table's primary key; it cannot use index "
                                + pattern.index(),
                        "Use a Query on " + pattern.index() + ", or remove the index"));
                continue;
            }
            if (query ? servesQuery(target.get(), clauses) : servesKey(target.get(), clauses)) {
                continue;
            }
            TableDesign table = target.get().table();
            Optional<KeyShape> other = query
                    ? KeyShape.all(table).stream()
                            .filter(k -> servesQuery(k, clauses))
                            .findFirst()
                    : Optional.empty();
            String attributes = clauses.stream().map(Clause::attribute).collect(Collectors.joining(", "));
            if (other.isPresent()) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        "Pattern '" + pattern.name() + "' constrains " + attributes + ", which is not the key of "
                                + target.get().label(),
                        other.get().index() == null
                                ? "Query the table, not an index"
                                : "Query index " + other.get().index().name()));
            } else {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        path,
                        id(),
                        "No key of table " + table.name() + " or its indexes can serve pattern '" + pattern.name()
                                + "' (it constrains " + attributes + "); it would need a Scan",
                        fix(pattern, table, clauses)));
            }
        }
        return out;
    }

    static boolean servesQuery(KeyShape key, List<Clause> clauses) {
        boolean partitionEquality = clauses.stream()
                .anyMatch(c -> c.attribute().equals(key.partitionKey().name()) && c.op() == Op.EQUALS);
        long onPartition = clauses.stream()
                .filter(c -> c.attribute().equals(key.partitionKey().name()))
                .count();
        long onSort = key.sortKey() == null
                ? 0
                : clauses.stream()
                        .filter(c -> c.attribute().equals(key.sortKey().name()))
                        .count();
        return partitionEquality && onPartition == 1 && onSort <= 1 && onPartition + onSort == clauses.size();
    }

    private static boolean servesKey(KeyShape key, List<Clause> clauses) {
        Set<String> named = clauses.stream().map(Clause::attribute).collect(Collectors.toSet());
        return clauses.stream().allMatch(c -> c.op() == Op.EQUALS)
                && clauses.size() == key.keyNames().size()
                && named.equals(Set.copyOf(key.keyNames()));
    }

    private static String fix(AccessPattern pattern, TableDesign table, List<Clause> clauses) {
        if (pattern.operation() != Operation.Query) {
            return "Address the item by its primary key " + String.join(" and ", table.keyNames());
        }
        Optional<Clause> equality =
                clauses.stream().filter(c -> c.op() == Op.EQUALS).findFirst();
        if (equality.isEmpty()) {
            return "A Query needs an equality on a partition key";
        }
        Optional<Clause> sort =
                clauses.stream().filter(c -> c != equality.get()).findFirst();
        return "Add a GSI with partition key " + equality.get().attribute()
                + sort.map(c -> " and sort key " + c.attribute()).orElse("");
    }
}

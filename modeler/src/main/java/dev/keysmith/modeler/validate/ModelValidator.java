package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the model checks. Each rule is a small class; together they flag:
 *
 * <ul>
 *   <li>{@code unknown-reference}: patterns naming unknown tables, indexes or entity types; sample items of unknown
 *       entity types;
 *   <li>{@code duplicate-name}: duplicate table, index (GSI and LSI share a namespace), entity type or pattern id;
 *   <li>{@code naming}: table and index names outside 3-255 characters of {@code [a-zA-Z0-9_.-]}, index key attribute
 *       names over 255 bytes;
 *   <li>{@code pattern-unserved}: a Query or GetItem (or other keyed operation) no table key or index can serve without
 *       a Scan, a pattern on the wrong index, a missing key condition, a GetItem on an index;
 *   <li>{@code index-unused}: an index no pattern uses (tables without patterns get one INFO);
 *   <li>{@code index-projection}: a pattern on an index reading (projection or filter) attributes it does not project;
 *   <li>{@code filter-on-key}: a Query filter naming a key attribute of the queried table/index;
 *   <li>{@code scan}: Scan patterns (WARNING at one or more per second);
 *   <li>{@code consistency}: strongly consistent reads on a GSI, TRANSACTIONAL outside transactions;
 *   <li>{@code request-limits}: more items per request than BatchGetItem (100), BatchWriteItem (25), transactions (100)
 *       or single-item operations allow;
 *   <li>{@code key-collision}: two entity types whose key templates can produce the same primary key;
 *   <li>{@code key-template}: entity types without a template for a table key, or with a template for a non-key;
 *   <li>{@code hot-partition}: a low-cardinality partition key (constant or enum-generated) above 1,000 WCU/s or 3,000
 *       RCU/s per key value, on the table or an index;
 *   <li>{@code item-size}: typical items over 300 KB (WARNING) or 400 KB (ERROR);
 *   <li>{@code index-limits}: more than 5 LSIs or 20 GSIs, more than 100 projected attributes, INCLUDE with nothing;
 *   <li>{@code lsi-keys}: LSIs on a table without sort key, with another partition key, or without their own sort
 *       key; the 10 GB item-collection limit they bring (INFO);
 *   <li>{@code attribute-type}: key attributes declared with another (or a non-scalar) type, the same attribute with
 *       different types;
 *   <li>{@code ttl}: a TTL attribute that is not a Number, is a key, or is declared by no entity type;
 *   <li>{@code capacity}: PROVISIONED without capacity, capacity below 1, GSIs without capacity, auto scaling with min
 *       > max or a target outside 20-90 %, capacity on an on-demand table.
 * </ul>
 *
 * Diagnostics come sorted by severity (errors first), then in model order.
 */
public final class ModelValidator {

    private static final List<Rule> RULES = List.of(
            new UnknownReferenceRule(),
            new DuplicateNameRule(),
            new NamingRule(),
            new UnservedPatternRule(),
            new UnusedIndexRule(),
            new ProjectionRule(),
            new KeyFilterRule(),
            new ScanRule(),
            new ConsistencyRule(),
            new RequestLimitRule(),
            new KeyCollisionRule(),
            new KeyTemplateCoverageRule(),
            new HotPartitionRule(),
            new ItemSizeRule(),
            new IndexLimitRule(),
            new LocalIndexRule(),
            new AttributeTypeRule(),
            new TtlRule(),
            new CapacityRule());

    private ModelValidator() {}

    /** The rules, in the order they run. */
    public static List<Rule> rules() {
        return RULES;
    }

    public static List<Diagnostic> validate(Project project) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = 0; i < project.models().size(); i++) {
            ModelScope scope = new ModelScope(i, project.models().get(i));
            for (Rule rule : RULES) {
                diagnostics.addAll(rule.check(scope));
            }
        }
        diagnostics.sort(Comparator.comparing(Diagnostic::severity));
        return List.copyOf(diagnostics);
    }
}

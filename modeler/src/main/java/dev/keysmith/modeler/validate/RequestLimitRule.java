package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Items per request stay within DynamoDB's limits: 100 keys per BatchGetItem, 25 requests per BatchWriteItem, 100
 * actions per TransactGetItems/TransactWriteItems, one item for single-item operations.
 */
final class RequestLimitRule implements Rule {

    @Override
    public String id() {
        return "request-limits";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccessPattern pattern : scope.model().patterns()) {
            int limit = switch (pattern.operation()) {
                case BatchGetItem, TransactGetItems, TransactWriteItems -> 100;
                case BatchWriteItem -> 25;
                case GetItem, PutItem, UpdateItem, DeleteItem -> 1;
                case Query, Scan -> Integer.MAX_VALUE;
            };
            if (pattern.expectedItemsPerRequest() > limit) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        scope.path(pattern),
                        id(),
                        "Pattern '" + pattern.name() + "' expects " + pattern.expectedItemsPerRequest() + " items per "
                                + pattern.operation() + "; the limit is " + limit,
                        limit == 1 ? "Use a batch or Query pattern" : "Split it into requests of at most " + limit));
            }
        }
        return out;
    }
}

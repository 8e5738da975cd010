package dev.keysmith.engine.table;

import dev.keysmith.engine.storage.Storage;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/**
 * ListTables: names in ascending order, at most {@code Limit} (default 100) per page, with {@code
 * LastEvaluatedTableName} when more names follow.
 */
final class ListTables {
    static final int MAX_LIMIT = 100;

    private final Storage storage;
    private final Catalog catalog;

    ListTables(Storage storage, Catalog catalog) {
        this.storage = storage;
        this.catalog = catalog;
    }

    ListTablesResponse execute(ListTablesRequest request) {
        ListTablesValidator.validate(request);
        int limit = request.limit() == null ? MAX_LIMIT : request.limit();
        List<String> names = storage.read(tx -> catalog.tableNames(tx, request.exclusiveStartTableName(), limit + 1));
        ListTablesResponse.Builder response = ListTablesResponse.builder();
        if (names.size() > limit) {
            names = names.subList(0, limit);
            response.lastEvaluatedTableName(names.getLast());
        }
        return response.tableNames(names).build();
    }
}

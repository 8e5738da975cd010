package dev.keysmith.engine.table;

import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;

final class ListTablesValidator {
    private ListTablesValidator() {}

    static void validate(ListTablesRequest request) {
        Constraints c = new Constraints();
        c.name("exclusiveStartTableName", request.exclusiveStartTableName(), 3, Shapes.MAX_NAME);
        c.atLeast("limit", request.limit(), 1);
        c.atMost("limit", request.limit(), ListTables.MAX_LIMIT);
        c.check();
    }
}

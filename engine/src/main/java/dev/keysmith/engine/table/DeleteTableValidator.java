package dev.keysmith.engine.table;

import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;

final class DeleteTableValidator {
    private DeleteTableValidator() {}

    static void validate(DeleteTableRequest request) {
        Constraints c = new Constraints();
        Shapes.tableName(c, request.tableName());
        c.check();
    }
}

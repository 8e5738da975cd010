package dev.keysmith.engine.table;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * DeleteTable: removes the definition, the statistics and the item and index stores in one transaction, and answers
 * with the last description showing {@code TableStatus: DELETING}, as DynamoDB does.
 */
final class DeleteTable {
    static final String PROTECTED =
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection"
                    + " first.";

    private final Storage storage;
    private final Catalog catalog;
    private final DescribeTable describe;

    DeleteTable(Storage storage, Catalog catalog, DescribeTable describe) {
        this.storage = storage;
        this.catalog = catalog;
        this.describe = describe;
    }

    DeleteTableResponse execute(DeleteTableRequest request) {
        DeleteTableValidator.validate(request);
        TableDescription last = storage.write(tx -> {
            TableDef def = catalog.requireForControlPlane(tx, request.tableName());
            if (def.deletionProtection()) {
                throw Errors.validation(PROTECTED);
            }
            TableDescription description = describe.describe(tx, def);
            tx.dropStore(def.itemStore());
            def.indexes().forEach(index -> tx.dropStore(index.storeName()));
            catalog.remove(tx, def);
            return description;
        });
        return DeleteTableResponse.builder()
                .tableDescription(
                        last.toBuilder().tableStatus(TableStatus.DELETING).build())
                .build();
    }
}

package dev.keysmith.modeler.model;

/** The DynamoDB API action an access pattern uses. */
public enum Operation {
    GetItem,
    Query,
    Scan,
    PutItem,
    UpdateItem,
    DeleteItem,
    BatchGetItem,
    BatchWriteItem,
    TransactGetItems,
    TransactWriteItems;

    /** True for actions that write items. */
    public boolean isWrite() {
        return switch (this) {
            case PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems -> true;
            case GetItem, Query, Scan, BatchGetItem, TransactGetItems -> false;
        };
    }
}

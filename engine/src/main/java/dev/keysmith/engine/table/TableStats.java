package dev.keysmith.engine.table;

/** The exact item count and total item size (DynamoDB item-size rules) of a table or index. */
public record TableStats(long itemCount, long sizeBytes) {
    public static final TableStats EMPTY = new TableStats(0, 0);
}

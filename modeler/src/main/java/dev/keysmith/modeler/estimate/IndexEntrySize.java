package dev.keysmith.modeler.estimate;

/**
 * The size of one entity type's entries in one secondary index: index keys, table keys and projected attributes
 * ({@code entryBytes}, what reads and writes are metered on) plus the 100-byte per-entry overhead for storage.
 */
public record IndexEntrySize(
        String table, String index, String entity, long entryBytes, long storageBytes, long entries, String formula) {}

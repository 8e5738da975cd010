package dev.keysmith.engine.table;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * A secondary index.
 *
 * @param global true for a GSI, false for an LSI
 * @param nonKeyAttributes the projected non-key attributes of an {@code INCLUDE} projection, else empty
 * @param storeName the storage store holding the index entries ({@code i:<tableId>:<indexName>})
 * @param readCapacity provisioned read capacity of a GSI on a provisioned table, else 0
 * @param writeCapacity provisioned write capacity of a GSI on a provisioned table, else 0
 */
public record IndexDef(
        String name,
        boolean global,
        KeyDef hash,
        @Nullable KeyDef range,
        ProjectionType projectionType,
        List<String> nonKeyAttributes,
        String storeName,
        IndexStatus status,
        long readCapacity,
        long writeCapacity) {

    public IndexDef {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    public static String storeName(String tableId, String indexName) {
        return "i:" + tableId + ":" + indexName;
    }

    IndexDef withStatus(IndexStatus newStatus) {
        return new IndexDef(
                name,
                global,
                hash,
                range,
                projectionType,
                nonKeyAttributes,
                storeName,
                newStatus,
                readCapacity,
                writeCapacity);
    }

    IndexDef withThroughput(long read, long write) {
        return new IndexDef(
                name, global, hash, range, projectionType, nonKeyAttributes, storeName, status, read, write);
    }
}

package dev.keysmith.engine.op;

import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The attributes an index entry holds: the table and index keys plus the index's projected attributes. */
final class Projections {
    private Projections() {}

    static Map<String, AttributeValue> indexEntry(TableDef table, IndexDef index, Map<String, AttributeValue> item) {
        return switch (index.projectionType()) {
            case ALL -> item;
            case KEYS_ONLY -> keys(table, index, item);
            case INCLUDE -> {
                Map<String, AttributeValue> entry = keys(table, index, item);
                for (String name : index.nonKeyAttributes()) {
                    AttributeValue v = item.get(name);
                    if (v != null) {
                        entry.put(name, v);
                    }
                }
                yield entry;
            }
            case UNKNOWN_TO_SDK_VERSION -> keys(table, index, item);
        };
    }

    /** True if the index entry holds every attribute of the item (projection ALL). */
    static boolean projectsAll(IndexDef index) {
        return index.projectionType() == software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL;
    }

    private static Map<String, AttributeValue> keys(TableDef table, IndexDef index, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> entry = new HashMap<>(8);
        copy(item, entry, table.hash().name());
        if (table.range() != null) {
            copy(item, entry, table.range().name());
        }
        copy(item, entry, index.hash().name());
        if (index.range() != null) {
            copy(item, entry, index.range().name());
        }
        return entry;
    }

    private static void copy(Map<String, AttributeValue> from, Map<String, AttributeValue> to, String name) {
        AttributeValue v = from.get(name);
        if (v != null) {
            to.put(name, v);
        }
    }
}

package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.keys.KeyCodec;
import dev.keysmith.engine.keys.KeyWriter;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.KeyDef;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.AttributeValues;
import dev.keysmith.engine.value.ItemSize;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * How items and index entries are keyed in storage, and DynamoDB's checks on key values.
 *
 * <p>Table item key: {@code hash16(enc(pk)) ++ enc(pk) [++ enc(sk)]}. Index entry key: {@code hash16(enc(ipk)) ++
 * enc(ipk) [++ enc(isk)] ++ enc(pk) [++ enc(sk)]}. Every encoded value is self-delimiting and prefix-free, so byte
 * order is tuple order and a partition's items are one contiguous range, sorted by sort key.
 */
final class KeyLayout {
    static final int MAX_HASH_KEY_BYTES = 2048;
    static final int MAX_RANGE_KEY_BYTES = 1024;

    private KeyLayout() {}

    /** The storage key of a table item whose key attributes were validated. */
    static byte[] itemKey(TableDef table, Map<String, AttributeValue> item) {
        KeyWriter out = new KeyWriter();
        writeItemKey(out, table, item);
        return out.toByteArray();
    }

    private static void writeItemKey(KeyWriter out, TableDef table, Map<String, AttributeValue> item) {
        byte[] pk = KeyCodec.encode(item.get(table.hash().name()));
        int h = KeyCodec.hash16(pk);
        out.append((byte) (h >>> 8));
        out.append((byte) h);
        out.append(pk);
        if (table.range() != null) {
            KeyCodec.encode(out, item.get(table.range().name()));
        }
    }

    /** The storage key of an index entry, or null if the item lacks an index key attribute (a sparse index). */
    static byte @Nullable [] indexKey(TableDef table, IndexDef index, Map<String, AttributeValue> item) {
        AttributeValue ipk = item.get(index.hash().name());
        AttributeValue isk =
                index.range() == null ? null : item.get(index.range().name());
        if (ipk == null || (index.range() != null && isk == null)) {
            return null;
        }
        if (!matchesType(ipk, index.hash().type())
                || (isk != null && !matchesType(isk, index.range().type()))) {
            return null;
        }
        KeyWriter out = new KeyWriter();
        byte[] pk = KeyCodec.encode(ipk);
        int h = KeyCodec.hash16(pk);
        out.append((byte) (h >>> 8));
        out.append((byte) h);
        out.append(pk);
        if (isk != null) {
            KeyCodec.encode(out, isk);
        }
        KeyCodec.encode(out, item.get(table.hash().name()));
        if (table.range() != null) {
            KeyCodec.encode(out, item.get(table.range().name()));
        }
        return out.toByteArray();
    }

    /** The prefix shared by every key of one partition in a table or index store. */
    static byte[] partitionPrefix(AttributeValue partitionValue) {
        KeyWriter out = new KeyWriter();
        byte[] pk = KeyCodec.encode(partitionValue);
        int h = KeyCodec.hash16(pk);
        out.append((byte) (h >>> 8));
        out.append((byte) h);
        out.append(pk);
        return out.toByteArray();
    }

    /**
     * Validates the key attributes of an item being written (PutItem, BatchWriteItem put): present, right type,
     * non-empty, within size limits; and the index key attributes it carries.
     */
    static void checkItemKeys(TableDef table, Map<String, AttributeValue> item) {
        checkKeyPart(table.hash(), item.get(table.hash().name()), true, true);
        if (table.range() != null) {
            checkKeyPart(table.range(), item.get(table.range().name()), true, false);
        }
        checkIndexKeys(table, item);
    }

    /** Index key attributes present in an item must have the index's type and must not be empty. */
    static void checkIndexKeys(TableDef table, Map<String, AttributeValue> item) {
        for (IndexDef index : table.indexes()) {
            checkIndexKeyPart(index, index.hash(), item.get(index.hash().name()));
            if (index.range() != null) {
                checkIndexKeyPart(index, index.range(), item.get(index.range().name()));
            }
        }
    }

    private static void checkIndexKeyPart(IndexDef index, KeyDef key, @Nullable AttributeValue value) {
        if (value == null) {
            return;
        }
        String actual = AttributeValues.typeName(value);
        if (!actual.equals(key.type().toString())) {
            throw Errors.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + key.name() + " Expected: " + key.type() + " Actual: " + actual + " IndexName: " + index.name());
        }
        if (isEmptyScalar(value)) {
            throw Errors.validation("One or more parameter values are not valid. A value specified for a secondary"
                    + " index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                    + (value.type() == AttributeValue.Type.S ? "string" : "binary") + " value. IndexName: "
                    + index.name() + ", IndexKey: " + key.name());
        }
    }

    private static void checkKeyPart(KeyDef key, @Nullable AttributeValue value, boolean inItem, boolean hash) {
        if (value == null) {
            throw Errors.validation(
                    inItem
                            ? "One or more parameter values were invalid: Missing the key " + key.name()
                                    + " in the item"
                            : "The provided key element does not match the schema");
        }
        String actual = AttributeValues.typeName(value);
        if (!actual.equals(key.type().toString())) {
            throw Errors.validation(
                    inItem
                            ? "One or more parameter values were invalid: Type mismatch for key " + key.name()
                                    + " expected: " + key.type() + " actual: " + actual
                            : "The provided key element does not match the schema");
        }
        if (isEmptyScalar(value)) {
            throw Errors.validation("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty "
                    + (value.type() == AttributeValue.Type.S ? "string" : "binary") + " value. Key: " + key.name());
        }
        int size = ItemSize.ofValue(value);
        if (hash && size > MAX_HASH_KEY_BYTES) {
            throw Errors.validation("One or more parameter values were invalid: Size of hashkey has exceeded the"
                    + " maximum size limit of2048 bytes");
        }
        if (!hash && size > MAX_RANGE_KEY_BYTES) {
            throw Errors.validation("One or more parameter values were invalid: Aggregated size of all range keys has"
                    + " exceeded the size limit of 1024 bytes");
        }
    }

    /**
     * Validates a Key parameter (GetItem, DeleteItem, UpdateItem, batch and transaction keys): exactly the table's key
     * attributes with the right types, non-empty. Returns the key with canonical numbers.
     */
    static Map<String, AttributeValue> checkKey(TableDef table, @Nullable Map<String, AttributeValue> key) {
        int expected = table.range() == null ? 1 : 2;
        if (key == null
                || key.size() != expected
                || !key.containsKey(table.hash().name())
                || (table.range() != null && !key.containsKey(table.range().name()))) {
            throw Errors.validation("The provided key element does not match the schema");
        }
        checkKeyPart(table.hash(), key.get(table.hash().name()), false, true);
        if (table.range() != null) {
            checkKeyPart(table.range(), key.get(table.range().name()), false, false);
        }
        return key;
    }

    /** The key attributes of an item (table key only). */
    static Map<String, AttributeValue> keyOf(TableDef table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        key.put(table.hash().name(), item.get(table.hash().name()));
        if (table.range() != null) {
            key.put(table.range().name(), item.get(table.range().name()));
        }
        return key;
    }

    /** The table key plus the index key attributes of an item (LastEvaluatedKey of an index query or scan). */
    static Map<String, AttributeValue> keyOf(
            TableDef table, @Nullable IndexDef index, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = keyOf(table, item);
        if (index != null) {
            key.put(index.hash().name(), item.get(index.hash().name()));
            if (index.range() != null) {
                key.put(index.range().name(), item.get(index.range().name()));
            }
        }
        return key;
    }

    static boolean matchesType(AttributeValue value, ScalarAttributeType type) {
        return switch (type) {
            case S -> value.type() == AttributeValue.Type.S;
            case N -> value.type() == AttributeValue.Type.N;
            case B -> value.type() == AttributeValue.Type.B;
            case UNKNOWN_TO_SDK_VERSION -> false;
        };
    }

    private static boolean isEmptyScalar(AttributeValue value) {
        return (value.type() == AttributeValue.Type.S && value.s().isEmpty())
                || (value.type() == AttributeValue.Type.B && value.b().asByteArrayUnsafe().length == 0);
    }
}

package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.storage.WriteTx;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The tags of each table, in the {@value #STORE} store under the table ARN. The stored value carries the table id, so a
 * table re-created under the same name starts without the old table's tags (as in DynamoDB, where tags belong to the
 * deleted table).
 */
final class Tags {
    static final String STORE = "tags";
    static final int MAX_TAGS = 50;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;
    static final String RESERVED_PREFIX = "aws:";

    private Tags() {}

    /** The table an ARN names, with the ARN problems DynamoDB reports. */
    static TableDef resolve(ReadTx tx, Catalog catalog, EngineConfig config, @Nullable String arn) {
        if (arn == null) {
            throw Errors.validation(
                    "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must"
                            + " not be null");
        }
        String prefix = "arn:aws:dynamodb:" + config.region() + ":" + config.accountId() + ":table/";
        if (!arn.startsWith("arn:aws:dynamodb:") || !arn.contains(":table/")) {
            throw Errors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        String name = arn.startsWith(prefix) ? arn.substring(prefix.length()) : null;
        TableDef def = name == null || name.contains("/") ? null : catalog.find(tx, name);
        if (def == null) {
            throw Errors.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
        }
        return def;
    }

    /** Checks tags as DynamoDB does (key 1-128 characters, value 0-256, no {@code aws:} keys); null means none. */
    static SortedMap<String, String> validate(@Nullable List<Tag> tags, String member) {
        SortedMap<String, String> out = new TreeMap<>();
        if (tags == null) {
            return out;
        }
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String path = member + "." + (i + 1) + ".member";
            if (tag.key() == null) {
                throw constraint("null", path + ".key", "Member must not be null");
            }
            if (tag.value() == null) {
                throw constraint("null", path + ".value", "Member must not be null");
            }
            int keyLength = tag.key().codePointCount(0, tag.key().length());
            if (keyLength < 1) {
                throw constraint("''", path + ".key", "Member must have length greater than or equal to 1");
            }
            if (keyLength > MAX_KEY_LENGTH) {
                throw constraint(
                        "'" + tag.key() + "'",
                        path + ".key",
                        "Member must have length less than or equal to " + MAX_KEY_LENGTH);
            }
            if (tag.value().codePointCount(0, tag.value().length()) > MAX_VALUE_LENGTH) {
                throw constraint(
                        "'" + tag.value() + "'",
                        path + ".value",
                        "Member must have length less than or equal to " + MAX_VALUE_LENGTH);
            }
            if (tag.key().startsWith(RESERVED_PREFIX)) {
                throw Errors.validation("One or more parameter values were invalid: The tag key " + tag.key()
                        + " starts with the reserved prefix " + RESERVED_PREFIX);
            }
            out.put(tag.key(), tag.value());
        }
        return out;
    }

    static void checkCount(int count) {
        if (count > MAX_TAGS) {
            throw Errors.validation("One or more parameter values were invalid: The number of tags on a resource"
                    + " cannot exceed " + MAX_TAGS + ", but the request would leave " + count);
        }
    }

    private static RuntimeException constraint(String value, String path, String rule) {
        return Errors.validation("1 validation error detected: Value " + value + " at '" + path
                + "' failed to satisfy constraint: " + rule);
    }

    /** The table's tags, sorted by key. */
    static SortedMap<String, String> read(ReadTx tx, TableDef table) {
        byte[] bytes = tx.get(STORE, utf8(table.arn()));
        SortedMap<String, String> tags = new TreeMap<>();
        if (bytes == null) {
            return tags;
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!in.readUTF().equals(table.tableId())) {
                return tags; // left by an older table of the same name
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                tags.put(in.readUTF(), in.readUTF());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tags;
    }

    /** Replaces the table's tags. */
    static void write(WriteTx tx, TableDef table, Map<String, String> tags) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF(table.tableId());
            out.writeInt(tags.size());
            for (var e : tags.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tx.put(STORE, utf8(table.arn()), bytes.toByteArray());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

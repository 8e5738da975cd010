package dev.keysmith.engine.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The binary form of a {@link TableDef} in the catalog store. Format version 1; enums are stored by name. */
final class CatalogCodec {
    private static final int VERSION = 1;

    private CatalogCodec() {}

    static byte[] encode(TableDef t) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            string(out, t.name());
            string(out, t.tableId());
            string(out, t.arn());
            instant(out, t.created());
            key(out, t.hash());
            nullableKey(out, t.range());
            out.writeInt(t.attributeDefinitions().size());
            for (AttributeDefinition a : t.attributeDefinitions()) {
                string(out, a.attributeName());
                string(out, a.attributeTypeAsString());
            }
            string(out, t.billingMode().toString());
            out.writeLong(t.readCapacity());
            out.writeLong(t.writeCapacity());
            string(out, t.tableClass().toString());
            out.writeBoolean(t.deletionProtection());
            out.writeInt(t.indexes().size());
            for (IndexDef i : t.indexes()) {
                string(out, i.name());
                out.writeBoolean(i.global());
                key(out, i.hash());
                nullableKey(out, i.range());
                string(out, i.projectionType().toString());
                out.writeInt(i.nonKeyAttributes().size());
                for (String a : i.nonKeyAttributes()) {
                    string(out, a);
                }
                string(out, i.storeName());
                string(out, i.status().toString());
                out.writeLong(i.readCapacity());
                out.writeLong(i.writeCapacity());
            }
            string(out, t.itemStore());
            string(out, t.status().toString());
            nullableString(out, t.ttlAttribute());
            nullableString(
                    out, t.streamViewType() == null ? null : t.streamViewType().toString());
            nullableString(out, t.latestStreamLabel());
            CapacityHistory h = t.capacityHistory();
            nullableInstant(out, h.lastIncrease());
            nullableInstant(out, h.lastDecrease());
            out.writeInt(h.decreasesOnDay());
            nullableInstant(out, h.lastUpdateToPayPerRequest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TableDef decode(byte[] data) {
        try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("Unknown catalog entry version " + version);
            }
            String name = string(in);
            String tableId = string(in);
            String arn = string(in);
            Instant created = instant(in);
            KeyDef hash = key(in);
            KeyDef range = nullableKey(in);
            int attributeCount = in.readInt();
            List<AttributeDefinition> attributes = new ArrayList<>(attributeCount);
            for (int i = 0; i < attributeCount; i++) {
                attributes.add(AttributeDefinition.builder()
                        .attributeName(string(in))
                        .attributeType(string(in))
                        .build());
            }
            BillingMode billingMode = BillingMode.fromValue(string(in));
            long read = in.readLong();
            long write = in.readLong();
            TableClass tableClass = TableClass.fromValue(string(in));
            boolean deletionProtection = in.readBoolean();
            int indexCount = in.readInt();
            List<IndexDef> indexes = new ArrayList<>(indexCount);
            for (int i = 0; i < indexCount; i++) {
                String indexName = string(in);
                boolean global = in.readBoolean();
                KeyDef indexHash = key(in);
                KeyDef indexRange = nullableKey(in);
                ProjectionType projection = ProjectionType.fromValue(string(in));
                int nonKeyCount = in.readInt();
                List<String> nonKey = new ArrayList<>(nonKeyCount);
                for (int n = 0; n < nonKeyCount; n++) {
                    nonKey.add(string(in));
                }
                indexes.add(new IndexDef(
                        indexName,
                        global,
                        indexHash,
                        indexRange,
                        projection,
                        nonKey,
                        string(in),
                        IndexStatus.fromValue(string(in)),
                        in.readLong(),
                        in.readLong()));
            }
            String itemStore = string(in);
            TableStatus status = TableStatus.fromValue(string(in));
            String ttl = nullableString(in);
            String viewType = nullableString(in);
            String label = nullableString(in);
            CapacityHistory history =
                    new CapacityHistory(nullableInstant(in), nullableInstant(in), in.readInt(), nullableInstant(in));
            return new TableDef(
                    name,
                    tableId,
                    arn,
                    created,
                    hash,
                    range,
                    attributes,
                    billingMode,
                    read,
                    write,
                    tableClass,
                    deletionProtection,
                    indexes,
                    itemStore,
                    status,
                    ttl,
                    viewType == null ? null : StreamViewType.fromValue(viewType),
                    label,
                    history);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static void nullableString(DataOutputStream out, @Nullable String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static @Nullable String nullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void nullableInstant(DataOutputStream out, @Nullable Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            instant(out, t);
        }
    }

    private static @Nullable Instant nullableInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? instant(in) : null;
    }

    private static void key(DataOutputStream out, KeyDef k) throws IOException {
        string(out, k.name());
        string(out, k.type().toString());
    }

    private static KeyDef key(DataInputStream in) throws IOException {
        return new KeyDef(string(in), ScalarAttributeType.fromValue(string(in)));
    }

    private static void nullableKey(DataOutputStream out, @Nullable KeyDef k) throws IOException {
        out.writeBoolean(k != null);
        if (k != null) {
            key(out, k);
        }
    }

    private static @Nullable KeyDef nullableKey(DataInputStream in) throws IOException {
        return in.readBoolean() ? key(in) : null;
    }
}

package dev.keysmith.engine.backup;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.KeyDef;
import dev.keysmith.engine.table.TableDef;
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
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexInfo;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexInfo;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SourceTableDetails;
import software.amazon.awssdk.services.dynamodb.model.SourceTableFeatureDetails;

/**
 * One on-demand backup: its identity, the source table's definition at backup time, and the store holding the copied
 * items. Kept in the {@value #STORE} store under the backup ARN.
 *
 * @param itemStore the store holding the item copies ({@code b:<backupId>})
 */
record Backup(
        String arn, String name, Instant created, long itemCount, long sizeBytes, String itemStore, TableDef table) {
    static final String STORE = "backups";

    static @Nullable Backup find(ReadTx tx, String arn) {
        byte[] bytes = tx.get(STORE, utf8(arn));
        return bytes == null ? null : decode(bytes);
    }

    static Backup require(ReadTx tx, @Nullable String arn) {
        if (arn == null) {
            throw Errors.validation("1 validation error detected: Value null at 'backupArn' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        Backup backup = find(tx, arn);
        if (backup == null) {
            throw Errors.backupNotFound(arn);
        }
        return backup;
    }

    /** Every backup, oldest first. */
    static List<Backup> all(ReadTx tx) {
        List<Backup> out = new ArrayList<>();
        try (var cursor = tx.cursor(STORE)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                out.add(decode(cursor.value()));
            }
        }
        out.sort(java.util.Comparator.comparing(Backup::created).thenComparing(Backup::arn));
        return out;
    }

    byte[] key() {
        return utf8(arn);
    }

    byte[] encode() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF(arn);
            out.writeUTF(name);
            out.writeLong(created.toEpochMilli());
            out.writeLong(itemCount);
            out.writeLong(sizeBytes);
            out.writeUTF(itemStore);
            byte[] def = Catalog.encodeDefinition(table);
            out.writeInt(def.length);
            out.write(def);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Backup decode(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String arn = in.readUTF();
            String name = in.readUTF();
            Instant created = Instant.ofEpochMilli(in.readLong());
            long count = in.readLong();
            long size = in.readLong();
            String store = in.readUTF();
            byte[] def = new byte[in.readInt()];
            in.readFully(def);
            return new Backup(arn, name, created, count, size, store, Catalog.decodeDefinition(def));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BackupDetails details(BackupStatus status) {
        return BackupDetails.builder()
                .backupArn(arn)
                .backupName(name)
                .backupSizeBytes(sizeBytes)
                .backupStatus(status)
                .backupType(BackupType.USER)
                .backupCreationDateTime(created)
                .build();
    }

    BackupSummary summary() {
        return BackupSummary.builder()
                .tableName(table.name())
                .tableId(table.tableId())
                .tableArn(table.arn())
                .backupArn(arn)
                .backupName(name)
                .backupCreationDateTime(created)
                .backupStatus(BackupStatus.AVAILABLE)
                .backupType(BackupType.USER)
                .backupSizeBytes(sizeBytes)
                .build();
    }

    BackupDescription description(BackupStatus status) {
        var source = SourceTableDetails.builder()
                .tableName(table.name())
                .tableId(table.tableId())
                .tableArn(table.arn())
                .tableSizeBytes(sizeBytes)
                .keySchema(keySchema(table.hash(), table.range()))
                .tableCreationDateTime(table.created())
                .provisionedThroughput(throughput(table.readCapacity(), table.writeCapacity()))
                .itemCount(itemCount)
                .billingMode(table.billingMode())
                .build();
        var features = SourceTableFeatureDetails.builder();
        List<LocalSecondaryIndexInfo> lsis = new ArrayList<>();
        List<GlobalSecondaryIndexInfo> gsis = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            if (index.global()) {
                var gsi = GlobalSecondaryIndexInfo.builder()
                        .indexName(index.name())
                        .keySchema(keySchema(index.hash(), index.range()))
                        .projection(projection(index));
                if (table.billingMode() == BillingMode.PROVISIONED) {
                    gsi.provisionedThroughput(throughput(index.readCapacity(), index.writeCapacity()));
                }
                gsis.add(gsi.build());
            } else {
                lsis.add(LocalSecondaryIndexInfo.builder()
                        .indexName(index.name())
                        .keySchema(keySchema(index.hash(), index.range()))
                        .projection(projection(index))
                        .build());
            }
        }
        if (!lsis.isEmpty()) {
            features.localSecondaryIndexes(lsis);
        }
        if (!gsis.isEmpty()) {
            features.globalSecondaryIndexes(gsis);
        }
        return BackupDescription.builder()
                .backupDetails(details(status))
                .sourceTableDetails(source)
                .sourceTableFeatureDetails(features.build())
                .build();
    }

    static List<KeySchemaElement> keySchema(KeyDef hash, @Nullable KeyDef range) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(hash.name())
                .keyType(KeyType.HASH)
                .build());
        if (range != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(range.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
    }

    private static Projection projection(IndexDef index) {
        var p = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            p.nonKeyAttributes(index.nonKeyAttributes());
        }
        return p.build();
    }

    private static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(read)
                .writeCapacityUnits(write)
                .build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

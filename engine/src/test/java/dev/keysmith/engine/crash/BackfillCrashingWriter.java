package dev.keysmith.engine.crash;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The child process of {@link BackfillCrashTest}: on a fresh folder it loads a table of {@code items} small items
 * (most with a {@code g} attribute, some without), adds the GSI {@code byG} on {@code g} with UpdateTable, then writes
 * without end while the engine backfills the index: puts that move an item's {@code g} to another value or drop it,
 * updates that do the same, deletes, and puts of new items. It prints:
 *
 * <ul>
 *   <li>{@code CREATING} once UpdateTable has answered with the index CREATING;
 *   <li>{@code PROGRESS <entries> <status>} every {@value #PROGRESS_EVERY} writes, from DescribeTable;
 *   <li>{@code ACK <pk> <v> <g|->} after a put or update returned, and {@code DEL <pk>} after a delete returned.
 * </ul>
 *
 * <p>Each write of a key carries a larger {@code v} than every write before it, so a write that committed without
 * being acknowledged before the kill can only leave a larger {@code v}. Deleted keys are never written again.
 */
public final class BackfillCrashingWriter {
    static final String TABLE = "backfill";
    static final String GSI = "byG";
    static final int PARTITIONS = 50;
    static final int PROGRESS_EVERY = 1;

    private BackfillCrashingWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int items = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(dir));
        engine.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk"))
                .attributeDefinitions(definition("pk")));
        load(engine, items);
        IndexStatus created = engine.updateTable(b -> b.tableName(TABLE)
                        .attributeDefinitions(definition("g"))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(GSI)
                                .keySchema(key("g"))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))))
                .tableDescription()
                .globalSecondaryIndexes()
                .getFirst()
                .indexStatus();
        out.println(created);
        for (long i = 0; ; i++) {
            long v = i + 1; // the loaded items have v = 0
            // a key spread over the whole table, so writes land both before and after the backfill's position
            String key = "item" + Math.floorMod(i * 7_919, items);
            switch ((int) (i % 4)) {
                case 0 -> {
                    String g = i % 3 == 0 ? null : g(i);
                    engine.putItem(b -> b.tableName(TABLE).item(item(key, v, g)));
                    out.println(ack(key, v, g));
                }
                case 1 -> {
                    String g = i % 5 == 0 ? null : g(i + 1);
                    if (g == null) {
                        engine.updateItem(b -> b.tableName(TABLE)
                                .key(Map.of("pk", AttributeValue.fromS(key)))
                                .updateExpression("SET v = :v REMOVE g")
                                .expressionAttributeValues(Map.of(":v", number(v))));
                    } else {
                        engine.updateItem(b -> b.tableName(TABLE)
                                .key(Map.of("pk", AttributeValue.fromS(key)))
                                .updateExpression("SET v = :v, g = :g")
                                .expressionAttributeValues(Map.of(":v", number(v), ":g", AttributeValue.fromS(g))));
                    }
                    out.println(ack(key, v, g));
                }
                case 2 -> {
                    String deleted = "gone" + i;
                    String g = g(i);
                    engine.putItem(b -> b.tableName(TABLE).item(item(deleted, v, g)));
                    engine.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(deleted))));
                    out.println("DEL " + deleted);
                    String doomed = "doomed" + Math.floorMod(i * 31, items / 10);
                    engine.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(doomed))));
                    out.println("DEL " + doomed);
                }
                default -> {
                    String fresh = "new" + i;
                    String g = g(i);
                    engine.putItem(b -> b.tableName(TABLE).item(item(fresh, v, g)));
                    out.println(ack(fresh, v, g));
                }
            }
            if (i % PROGRESS_EVERY == 0) {
                GlobalSecondaryIndexDescription index = engine.describeTable(b -> b.tableName(TABLE))
                        .table()
                        .globalSecondaryIndexes()
                        .getFirst();
                out.println("PROGRESS " + index.itemCount() + " " + index.indexStatus());
            }
        }
    }

    /**
     * Items {@code item0..} with {@code g} on nine in ten, and {@code doomed0..} (a tenth as many), which the writer
     * deletes; none of them is ever written again with {@code v = 0}.
     */
    private static void load(KeysmithEngine engine, int items) {
        List<Map<String, AttributeValue>> all = new ArrayList<>(items + items / 10);
        for (int n = 0; n < items; n++) {
            all.add(item("item" + n, 0, n % 10 == 0 ? null : g(n)));
        }
        for (int n = 0; n < items / 10; n++) {
            all.add(item("doomed" + n, 0, g(n)));
        }
        for (int from = 0; from < all.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>(25);
            for (Map<String, AttributeValue> item : all.subList(from, Math.min(all.size(), from + 25))) {
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
            engine.batchWriteItem(b -> b.requestItems(Map.of(TABLE, batch)));
        }
    }

    static String g(long i) {
        return "g" + (i % PARTITIONS);
    }

    private static String ack(String key, long value, @Nullable String g) {
        return "ACK " + key + " " + value + " " + (g == null ? "-" : g);
    }

    private static AttributeValue number(long i) {
        return AttributeValue.fromN(Long.toString(i));
    }

    private static Map<String, AttributeValue> item(String key, long value, @Nullable String g) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(key));
        item.put("v", number(value));
        if (g != null) {
            item.put("g", AttributeValue.fromS(g));
        }
        return item;
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }
}

package dev.keysmith.engine.crash;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The child process of {@link EngineCrashTest}: opens the engine on a folder, creates the table (with a GSI) if absent,
 * and writes without end through PutItem, UpdateItem and TransactWriteItems. After each call returns it prints one
 * {@code ACK <pk> <v> <owner|->} line per item the call wrote; the test kills it with SIGKILL at some point.
 *
 * <p>Every write of a key carries a larger {@code v} than the one before, so a write that committed but was not
 * acknowledged before the kill can only leave a larger {@code v} than the last acknowledged one.
 */
public final class CrashingWriter {
    static final String TABLE = "crash";
    static final String GSI = "byOwner";
    static final int OWNERS = 7;

    private CrashingWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String round = args[1];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(dir));
        createTableIfAbsent(engine);
        for (long i = 0; ; i++) {
            String key = round + "-" + i;
            switch ((int) (i % 3)) {
                case 0 -> {
                    String owner = i % 5 == 0 ? null : owner(i);
                    engine.putItem(PutItemRequest.builder()
                            .tableName(TABLE)
                            .item(item(key, i, owner))
                            .build());
                    out.println(ack(key, i, owner));
                }
                case 1 -> {
                    // rewrite the item of the step before: a new value, and its owner moved or removed
                    String previous = round + "-" + (i - 1);
                    String owner = i % 4 == 0 ? null : owner(i);
                    UpdateItemRequest.Builder update = UpdateItemRequest.builder()
                            .tableName(TABLE)
                            .key(Map.of("pk", AttributeValue.fromS(previous)));
                    if (owner == null) {
                        update.updateExpression("SET v = :v REMOVE #o")
                                .expressionAttributeNames(Map.of("#o", "owner"))
                                .expressionAttributeValues(Map.of(":v", number(i)));
                    } else {
                        update.updateExpression("SET v = :v, #o = :o")
                                .expressionAttributeNames(Map.of("#o", "owner"))
                                .expressionAttributeValues(Map.of(":v", number(i), ":o", AttributeValue.fromS(owner)));
                    }
                    engine.updateItem(update.build());
                    out.println(ack(previous, i, owner));
                }
                default -> {
                    String first = key + "a";
                    String second = key + "b";
                    engine.transactWriteItems(TransactWriteItemsRequest.builder()
                            .transactItems(put(first, i, owner(i)), put(second, i, null))
                            .build());
                    out.println(ack(first, i, owner(i)));
                    out.println(ack(second, i, null));
                }
            }
        }
    }

    private static void createTableIfAbsent(KeysmithEngine engine) {
        try {
            engine.describeTable(b -> b.tableName(TABLE));
        } catch (ResourceNotFoundException absent) {
            engine.createTable(CreateTableRequest.builder()
                    .tableName(TABLE)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(definition("pk"), definition("owner"))
                    .keySchema(element("pk"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(GSI)
                            .keySchema(element("owner"))
                            .projection(Projection.builder()
                                    .projectionType(ProjectionType.ALL)
                                    .build())
                            .build())
                    .build());
        }
    }

    static String owner(long i) {
        return "o" + (i % OWNERS);
    }

    private static String ack(String key, long value, @Nullable String owner) {
        return "ACK " + key + " " + value + " " + (owner == null ? "-" : owner);
    }

    private static AttributeValue number(long i) {
        return AttributeValue.fromN(Long.toString(i));
    }

    private static Map<String, AttributeValue> item(String key, long value, @Nullable String owner) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(key));
        item.put("v", number(value));
        if (owner != null) {
            item.put("owner", AttributeValue.fromS(owner));
        }
        return item;
    }

    private static TransactWriteItem put(String key, long value, @Nullable String owner) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(TABLE)
                        .item(item(key, value, owner))
                        .build())
                .build();
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement element(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }
}

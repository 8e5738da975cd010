package dev.keysmith.engine.differential;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The tables the random sequences run on: every key type, hash-only and composite, one table with a GSI and an LSI. */
enum Tables {
    HASH_S("hs", key("pk", 'S'), null),
    HASH_N_RANGE_B("hnrb", key("pk", 'N'), key("sk", 'B')),
    HASH_B_RANGE_S("hbrs", key("pk", 'B'), key("sk", 'S')),
    INDEXED("idx", key("pk", 'S'), key("sk", 'N'));

    /** A key attribute: its name and scalar type (S, N or B). */
    record Key(String name, char type) {}

    static final Key GSI_HASH = key("gpk", 'S');
    static final Key GSI_RANGE = key("gsk", 'N');
    static final Key LSI_RANGE = key("lsk", 'S');
    static final String GSI = "gsi";
    static final String LSI = "lsi";

    final String baseName;
    final Key hash;
    final @Nullable Key range;

    Tables(String baseName, Key hash, @Nullable Key range) {
        this.baseName = baseName;
        this.hash = hash;
        this.range = range;
    }

    String name(long seed) {
        return baseName + "_" + Long.toUnsignedString(seed);
    }

    boolean indexed() {
        return this == INDEXED;
    }

    CreateTableRequest create(long seed) {
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(definition(hash)));
        List<KeySchemaElement> schema = new ArrayList<>(List.of(element(hash, KeyType.HASH)));
        if (range != null) {
            definitions.add(definition(range));
            schema.add(element(range, KeyType.RANGE));
        }
        CreateTableRequest.Builder builder = CreateTableRequest.builder()
                .tableName(name(seed))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(schema);
        if (indexed()) {
            definitions.addAll(List.of(definition(GSI_HASH), definition(GSI_RANGE), definition(LSI_RANGE)));
            builder.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                    .indexName(GSI)
                    .keySchema(element(GSI_HASH, KeyType.HASH), element(GSI_RANGE, KeyType.RANGE))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.ALL)
                            .build())
                    .build());
            builder.localSecondaryIndexes(LocalSecondaryIndex.builder()
                    .indexName(LSI)
                    .keySchema(element(hash, KeyType.HASH), element(LSI_RANGE, KeyType.RANGE))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.INCLUDE)
                            .nonKeyAttributes("a")
                            .build())
                    .build());
        }
        return builder.attributeDefinitions(definitions).build();
    }

    private static Key key(String name, char type) {
        return new Key(name, type);
    }

    private static AttributeDefinition definition(Key key) {
        return AttributeDefinition.builder()
                .attributeName(key.name())
                .attributeType(ScalarAttributeType.fromValue(String.valueOf(key.type())))
                .build();
    }

    private static KeySchemaElement element(Key key, KeyType type) {
        return KeySchemaElement.builder()
                .attributeName(key.name())
                .keyType(type)
                .build();
    }
}

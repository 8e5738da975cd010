package dev.keysmith.modeler.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.ScalarType;
import dev.keysmith.modeler.model.StreamViewType;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The CreateTable-shaped table description shared by CloudFormation {@code AWS::DynamoDB::Table} properties and AWS CLI
 * {@code create-table --cli-input-json} input: AttributeDefinitions, KeySchema, BillingMode, ProvisionedThroughput,
 * GlobalSecondaryIndexes, LocalSecondaryIndexes, StreamSpecification, TableClass, DeletionProtectionEnabled, plus (in
 * CloudFormation only) TimeToLiveSpecification and PointInTimeRecoverySpecification. Properties not modelled (SSE,
 * tags, Kinesis, contributor insights...) are kept verbatim in the table metadata under {@link Dialect#extraPrefix} and
 * written back.
 */
final class CreateTableShape {

    enum Dialect {
        CLOUDFORMATION("cloudformation.property."),
        AWS_CLI("awscli.property.");

        final String extraPrefix;

        Dialect(String extraPrefix) {
            this.extraPrefix = extraPrefix;
        }
    }

    private static final Set<String> COMMON = Set.of(
            "TableName",
            "AttributeDefinitions",
            "KeySchema",
            "BillingMode",
            "ProvisionedThroughput",
            "GlobalSecondaryIndexes",
            "LocalSecondaryIndexes",
            "StreamSpecification",
            "TableClass",
            "DeletionProtectionEnabled");
    private static final Set<String> CLOUDFORMATION_ONLY =
            Set.of("TimeToLiveSpecification", "PointInTimeRecoverySpecification");

    private CreateTableShape() {}

    static TableDesign read(Node properties, String name, Dialect dialect, Map<String, String> metadata)
            throws ImportException {
        properties.requireObject();
        Map<String, ScalarType> definitions = new LinkedHashMap<>();
        for (Node definition : properties.array("AttributeDefinitions")) {
            definitions.put(
                    definition.text("AttributeName"), definition.requireEnum("AttributeType", ScalarType.class));
        }
        List<KeyAttribute> keys = keySchema(properties.require("KeySchema"), definitions);
        BillingMode billing = properties.optEnum("BillingMode", BillingMode.class);
        billing = billing == null ? BillingMode.PROVISIONED : billing;
        List<IndexDesign> gsis = new ArrayList<>();
        for (Node gsi : properties.array("GlobalSecondaryIndexes")) {
            gsis.add(index(gsi, definitions, true));
        }
        List<IndexDesign> lsis = new ArrayList<>();
        for (Node lsi : properties.array("LocalSecondaryIndexes")) {
            lsis.add(index(lsi, definitions, false));
        }
        Node stream = properties.get("StreamSpecification");
        StreamViewType streamViewType = null;
        if (!stream.isMissing()) {
            Boolean enabled = stream.optBoolean("StreamEnabled");
            streamViewType =
                    Boolean.FALSE.equals(enabled) ? null : stream.optEnum("StreamViewType", StreamViewType.class);
        }
        TableClass tableClass = properties.optEnum("TableClass", TableClass.class);
        Boolean deletionProtection = properties.optBoolean("DeletionProtectionEnabled");

        Map<String, String> tableMetadata = new LinkedHashMap<>(metadata);
        String ttl = null;
        if (dialect == Dialect.CLOUDFORMATION) {
            Node ttlSpec = properties.get("TimeToLiveSpecification");
            if (!ttlSpec.isMissing() && !Boolean.FALSE.equals(ttlSpec.optBoolean("Enabled"))) {
                ttl = ttlSpec.optText("AttributeName");
            }
            Node pitr = properties.get("PointInTimeRecoverySpecification");
            if (!pitr.isMissing()) {
                Boolean enabled = pitr.optBoolean("PointInTimeRecoveryEnabled");
                tableMetadata.put(TableDesign.POINT_IN_TIME_RECOVERY, String.valueOf(Boolean.TRUE.equals(enabled)));
            }
        }
        for (Map.Entry<String, Node> field : properties.fields()) {
            String key = field.getKey();
            boolean known =
                    COMMON.contains(key) || (dialect == Dialect.CLOUDFORMATION && CLOUDFORMATION_ONLY.contains(key));
            if (!known) {
                tableMetadata.put(
                        dialect.extraPrefix + key,
                        Trees.toMetadata(field.getValue().json()));
            }
        }
        return new TableDesign(
                name,
                keys.getFirst(),
                keys.size() > 1 ? keys.get(1) : null,
                billing,
                billing == BillingMode.PROVISIONED ? throughput(properties.get("ProvisionedThroughput")) : null,
                tableClass,
                ttl,
                streamViewType,
                Boolean.TRUE.equals(deletionProtection),
                gsis,
                lsis,
                List.of(),
                List.of(),
                List.of(),
                tableMetadata);
    }

    private static IndexDesign index(Node index, Map<String, ScalarType> definitions, boolean global)
            throws ImportException {
        index.requireObject();
        List<KeyAttribute> keys = keySchema(index.require("KeySchema"), definitions);
        Node projection = index.get("Projection");
        ProjectionKind kind =
                projection.isMissing() ? null : projection.optEnum("ProjectionType", ProjectionKind.class);
        List<String> nonKey = new ArrayList<>();
        if (!projection.isMissing()) {
            for (Node attribute : projection.array("NonKeyAttributes")) {
                nonKey.add(attribute.asText());
            }
        }
        return new IndexDesign(
                index.text("IndexName"),
                keys.getFirst(),
                keys.size() > 1 ? keys.get(1) : null,
                kind == null ? ProjectionKind.ALL : kind,
                nonKey,
                global ? throughput(index.get("ProvisionedThroughput")) : null);
    }

    /** HASH key first, then the RANGE key if any; types from the attribute definitions. */
    private static List<KeyAttribute> keySchema(Node schema, Map<String, ScalarType> definitions)
            throws ImportException {
        KeyAttribute hash = null;
        KeyAttribute range = null;
        for (Node element : schema.elements()) {
            String attribute = element.text("AttributeName");
            ScalarType type = definitions.get(attribute);
            if (type == null) {
                throw new ImportException(
                        element.get("AttributeName").at(),
                        "Key attribute " + attribute + " has no entry in AttributeDefinitions");
            }
            String keyType = element.text("KeyType");
            switch (keyType) {
                case "HASH" -> {
                    if (hash != null) {
                        throw new ImportException(element.at(), "A key schema has only one HASH key");
                    }
                    hash = new KeyAttribute(attribute, type);
                }
                case "RANGE" -> {
                    if (range != null) {
                        throw new ImportException(element.at(), "A key schema has at most one RANGE key");
                    }
                    range = new KeyAttribute(attribute, type);
                }
                default ->
                    throw new ImportException(
                            element.get("KeyType").at(),
                            "Unknown KeyType \"" + keyType + "\" (expected HASH or RANGE)");
            }
        }
        if (hash == null) {
            throw new ImportException(schema.at(), "The key schema has no HASH key");
        }
        return range == null ? List.of(hash) : List.of(hash, range);
    }

    private static @Nullable ProvisionedCapacity throughput(Node throughput) throws ImportException {
        if (throughput.isMissing()) {
            return null;
        }
        Long read = throughput.optLong("ReadCapacityUnits");
        Long write = throughput.optLong("WriteCapacityUnits");
        return read == null || write == null ? null : ProvisionedCapacity.of(read, write);
    }

    static ObjectNode write(TableDesign table, Dialect dialect, List<String> warnings) {
        String prefix = "table " + table.name() + ": ";
        ObjectNode node = Trees.object();
        node.put("TableName", table.name());
        Map<String, ScalarType> definitions = new LinkedHashMap<>();
        List<KeyAttribute> allKeys = new ArrayList<>();
        allKeys.add(table.partitionKey());
        if (table.sortKey() != null) {
            allKeys.add(table.sortKey());
        }
        for (IndexDesign index : table.indexes()) {
            allKeys.add(index.partitionKey());
            if (index.sortKey() != null) {
                allKeys.add(index.sortKey());
            }
        }
        allKeys.forEach(k -> definitions.putIfAbsent(k.name(), k.type()));
        ArrayNode attributeDefinitions = node.putArray("AttributeDefinitions");
        definitions.forEach((name, type) -> {
            ObjectNode d = attributeDefinitions.addObject();
            d.put("AttributeName", name);
            d.put("AttributeType", type.name());
        });
        node.set("KeySchema", keySchema(table.partitionKey(), table.sortKey()));
        node.put("BillingMode", table.billingMode().name());
        boolean provisioned = table.billingMode() == BillingMode.PROVISIONED;
        if (provisioned && table.capacity() != null) {
            node.set("ProvisionedThroughput", throughput(table.capacity()));
            if (table.capacity().readAutoScaling() != null || table.capacity().writeAutoScaling() != null) {
                warnings.add(
                        prefix + "auto scaling is configured outside the table (Application Auto Scaling); left out");
            }
        }
        if (!table.gsis().isEmpty()) {
            ArrayNode gsis = node.putArray("GlobalSecondaryIndexes");
            for (IndexDesign gsi : table.gsis()) {
                ObjectNode g = index(gsi);
                if (provisioned) {
                    ProvisionedCapacity capacity = gsi.capacity() != null ? gsi.capacity() : table.capacity();
                    if (capacity != null) {
                        g.set("ProvisionedThroughput", throughput(capacity));
                    }
                }
                gsis.add(g);
            }
        }
        if (!table.lsis().isEmpty()) {
            ArrayNode lsis = node.putArray("LocalSecondaryIndexes");
            table.lsis().forEach(lsi -> lsis.add(index(lsi)));
        }
        if (table.streamViewType() != null) {
            ObjectNode stream = node.putObject("StreamSpecification");
            if (dialect == Dialect.AWS_CLI) {
                stream.put("StreamEnabled", true);
            }
            stream.put("StreamViewType", table.streamViewType().name());
        }
        String pitr = table.metadata().get(TableDesign.POINT_IN_TIME_RECOVERY);
        if (dialect == Dialect.CLOUDFORMATION) {
            if (table.ttlAttribute() != null) {
                ObjectNode ttl = node.putObject("TimeToLiveSpecification");
                ttl.put("AttributeName", table.ttlAttribute());
                ttl.put("Enabled", true);
            }
            if (pitr != null) {
                node.putObject("PointInTimeRecoverySpecification")
                        .put("PointInTimeRecoveryEnabled", Boolean.parseBoolean(pitr));
            }
        } else {
            if (table.ttlAttribute() != null) {
                warnings.add(prefix + "TTL (attribute " + table.ttlAttribute()
                        + ") is not part of create-table; run update-time-to-live after creating the table");
            }
            if (Boolean.parseBoolean(pitr)) {
                warnings.add(prefix + "point-in-time recovery is not part of create-table; run"
                        + " update-continuous-backups after creating the table");
            }
        }
        if (table.tableClass() != TableClass.STANDARD) {
            node.put("TableClass", table.tableClass().name());
        }
        if (table.deletionProtection()) {
            node.put("DeletionProtectionEnabled", true);
        }
        table.metadata().forEach((key, value) -> {
            if (key.startsWith(dialect.extraPrefix)) {
                node.set(key.substring(dialect.extraPrefix.length()), Trees.fromMetadata(value));
            }
        });
        return node;
    }

    private static ObjectNode index(IndexDesign index) {
        ObjectNode node = Trees.object();
        node.put("IndexName", index.name());
        node.set("KeySchema", keySchema(index.partitionKey(), index.sortKey()));
        ObjectNode projection = node.putObject("Projection");
        projection.put("ProjectionType", index.projection().name());
        if (index.projection() == ProjectionKind.INCLUDE) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            index.nonKeyAttributes().forEach(attributes::add);
        }
        return node;
    }

    private static ArrayNode keySchema(KeyAttribute hash, @Nullable KeyAttribute range) {
        ArrayNode schema = Trees.array();
        schema.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
        if (range != null) {
            schema.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
        }
        return schema;
    }

    private static ObjectNode throughput(ProvisionedCapacity capacity) {
        ObjectNode node = Trees.object();
        node.put("ReadCapacityUnits", capacity.readCapacityUnits());
        node.put("WriteCapacityUnits", capacity.writeCapacityUnits());
        return node;
    }
}

package dev.keysmith.modeler.io;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table design from a DescribeTable response: keys and their types, billing mode and provisioned throughput (a
 * table without a BillingModeSummary has always been PROVISIONED), table class, GSIs (with their throughput on a
 * PROVISIONED table) and LSIs with their projections, the stream view type and deletion protection.
 */
final class DescribedTable {

    private DescribedTable() {}

    /**
     * The table's design, without entities or items.
     *
     * @param where the endpoint or data folder the description came from, for the error message
     * @throws ImportException when the table or an index has no HASH key (a broken response)
     */
    static TableDesign design(TableDescription table, @Nullable String ttlAttribute, String where)
            throws ImportException {
        Map<String, ScalarType> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, DescribedTable::scalarType, (a, b) -> a));
        BillingMode billing = table.billingModeSummary() != null
                        && "PAY_PER_REQUEST".equals(table.billingModeSummary().billingModeAsString())
                ? BillingMode.PAY_PER_REQUEST
                : BillingMode.PROVISIONED;
        boolean provisioned = billing == BillingMode.PROVISIONED;
        List<IndexDesign> gsis = new ArrayList<>();
        for (GlobalSecondaryIndexDescription g : table.globalSecondaryIndexes()) {
            gsis.add(index(
                            table.tableName() + " index " + g.indexName(),
                            g.indexName(),
                            g.keySchema(),
                            g.projection(),
                            types,
                            where)
                    .withCapacity(provisioned ? capacity(g.provisionedThroughput()) : null));
        }
        List<IndexDesign> lsis = new ArrayList<>();
        for (LocalSecondaryIndexDescription l : table.localSecondaryIndexes()) {
            lsis.add(index(
                    table.tableName() + " index " + l.indexName(),
                    l.indexName(),
                    l.keySchema(),
                    l.projection(),
                    types,
                    where));
        }
        TableClass tableClass = table.tableClassSummary() != null
                        && "STANDARD_INFREQUENT_ACCESS"
                                .equals(table.tableClassSummary().tableClassAsString())
                ? TableClass.STANDARD_INFREQUENT_ACCESS
                : TableClass.STANDARD;
        StreamViewType stream = table.streamSpecification() != null
                        && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                ? StreamViewType.valueOf(table.streamSpecification().streamViewTypeAsString())
                : null;
        return TableDesign.of(
                        table.tableName(),
                        partitionKey(table.tableName(), table.keySchema(), types, where),
                        key(table.keySchema(), KeyType.RANGE, types))
                .withBilling(billing, provisioned ? capacity(table.provisionedThroughput()) : null)
                .withTableClass(tableClass)
                .withTtlAttribute(ttlAttribute)
                .withStreamViewType(stream)
                .withDeletionProtection(Boolean.TRUE.equals(table.deletionProtectionEnabled()))
                .withGsis(gsis)
                .withLsis(lsis);
    }

    private static IndexDesign index(
            String what,
            String name,
            List<KeySchemaElement> keys,
            @Nullable Projection projection,
            Map<String, ScalarType> types,
            String where)
            throws ImportException {
        IndexDesign index =
                IndexDesign.of(name, partitionKey(what, keys, types, where), key(keys, KeyType.RANGE, types));
        if (projection == null || projection.projectionType() == null) {
            return index;
        }
        ProjectionKind kind = ProjectionKind.valueOf(projection.projectionTypeAsString());
        return index.withProjection(kind, kind == ProjectionKind.INCLUDE ? projection.nonKeyAttributes() : List.of());
    }

    private static KeyAttribute partitionKey(
            String what, List<KeySchemaElement> keys, Map<String, ScalarType> types, String where)
            throws ImportException {
        KeyAttribute key = key(keys, KeyType.HASH, types);
        if (key == null) {
            throw new ImportException(where, "DescribeTable shows no HASH key for table " + what);
        }
        return key;
    }

    private static @Nullable KeyAttribute key(
            List<KeySchemaElement> keys, KeyType type, Map<String, ScalarType> types) {
        return keys.stream()
                .filter(k -> k.keyType() == type)
                .map(k -> new KeyAttribute(k.attributeName(), types.getOrDefault(k.attributeName(), ScalarType.S)))
                .findFirst()
                .orElse(null);
    }

    private static ScalarType scalarType(AttributeDefinition definition) {
        return ScalarType.valueOf(definition.attributeTypeAsString());
    }

    private static @Nullable ProvisionedCapacity capacity(@Nullable ProvisionedThroughputDescription throughput) {
        if (throughput == null || throughput.readCapacityUnits() == null || throughput.writeCapacityUnits() == null) {
            return null;
        }
        return ProvisionedCapacity.of(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
    }
}

package dev.keysmith.engine.table;

import dev.keysmith.engine.error.Errors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * CreateTable validation in DynamoDB's order: the required table name, then the request-shape constraints (aggregated),
 * then the semantic rules one at a time. Messages come from the reference (section 7.3: live-verified where marked),
 * dynalite's live-tested validations and live probes of DynamoDB.
 */
final class CreateTableValidator {
    static final String INVALID = "One or more parameter values were invalid: ";
    static final int MAX_LSIS = 5;
    static final int MAX_GSIS = 20;
    static final int MAX_NON_KEY_ATTRIBUTES = 20;
    static final int MAX_PROJECTED_ATTRIBUTES = 100;

    private CreateTableValidator() {}

    static void validate(CreateTableRequest r) {
        if (r.tableName() == null) {
            throw Errors.validation("The parameter 'TableName' is required but was not present in the request");
        }
        shape(r);
        String problem = semantics(r);
        if (problem != null) {
            throw Errors.validation(problem);
        }
    }

    private static void shape(CreateTableRequest r) {
        Constraints c = new Constraints();
        if (c.notNull("attributeDefinitions", r.hasAttributeDefinitions() ? r.attributeDefinitions() : null)) {
            for (int i = 0; i < r.attributeDefinitions().size(); i++) {
                AttributeDefinition a = r.attributeDefinitions().get(i);
                String member = Constraints.member("attributeDefinitions", i);
                c.notNull(member + ".attributeName", a.attributeName());
                c.length(member + ".attributeName", a.attributeName(), 1, Shapes.MAX_NAME);
                c.notNull(member + ".attributeType", a.attributeTypeAsString());
                c.oneOf(member + ".attributeType", a.attributeTypeAsString(), Shapes.ATTRIBUTE_TYPES);
            }
        }
        c.name("tableName", r.tableName(), 3, Shapes.MAX_NAME);
        Shapes.keySchema(c, "keySchema", r.keySchema(), r.hasKeySchema(), true);
        if (r.hasLocalSecondaryIndexes()) {
            for (int i = 0; i < r.localSecondaryIndexes().size(); i++) {
                LocalSecondaryIndex lsi = r.localSecondaryIndexes().get(i);
                String member = Constraints.member("localSecondaryIndexes", i);
                index(c, member, lsi.indexName(), lsi.keySchema(), lsi.hasKeySchema(), lsi.projection());
            }
        }
        if (r.hasGlobalSecondaryIndexes()) {
            for (int i = 0; i < r.globalSecondaryIndexes().size(); i++) {
                GlobalSecondaryIndex gsi = r.globalSecondaryIndexes().get(i);
                String member = Constraints.member("globalSecondaryIndexes", i);
                index(c, member, gsi.indexName(), gsi.keySchema(), gsi.hasKeySchema(), gsi.projection());
                if (gsi.provisionedThroughput() != null) {
                    Shapes.throughput(c, member + ".provisionedThroughput", gsi.provisionedThroughput());
                }
            }
        }
        c.oneOf("billingMode", r.billingModeAsString(), Shapes.BILLING_MODES);
        if (r.provisionedThroughput() != null) {
            Shapes.throughput(c, "provisionedThroughput", r.provisionedThroughput());
        }
        StreamSpecification stream = r.streamSpecification();
        if (stream != null) {
            c.notNull("streamSpecification.streamEnabled", stream.streamEnabled());
            c.oneOf("streamSpecification.streamViewType", stream.streamViewTypeAsString(), Shapes.STREAM_VIEW_TYPES);
        }
        c.oneOf("tableClass", r.tableClassAsString(), Shapes.TABLE_CLASSES);
        c.check();
    }

    static void index(
            Constraints c,
            String member,
            @Nullable String name,
            List<KeySchemaElement> keys,
            boolean hasKeys,
            @Nullable Projection projection) {
        c.notNull(member + ".indexName", name);
        c.name(member + ".indexName", name, 3, Shapes.MAX_NAME);
        Shapes.keySchema(c, member + ".keySchema", keys, hasKeys, false);
        if (c.notNull(member + ".projection", projection) && projection != null) {
            c.oneOf(
                    member + ".projection.projectionType",
                    projection.projectionTypeAsString(),
                    Shapes.PROJECTION_TYPES);
            if (projection.hasNonKeyAttributes()) {
                List<String> nonKey = projection.nonKeyAttributes();
                c.size(member + ".projection.nonKeyAttributes", nonKey, nonKey.toString(), 1, MAX_NON_KEY_ATTRIBUTES);
            }
        }
    }

    private static @Nullable String semantics(CreateTableRequest r) {
        List<String> defined = r.attributeDefinitions().stream()
                .map(AttributeDefinition::attributeName)
                .toList();
        Set<String> seen = new HashSet<>();
        for (String name : defined) {
            if (!seen.add(name)) {
                return INVALID + "Attribute Name is duplicated: " + name;
            }
        }
        String billing = billing(r);
        if (billing != null) {
            return billing;
        }
        List<KeySchemaElement> keySchema = r.keySchema();
        String table = tableKeys(keySchema, defined);
        if (table != null) {
            return table;
        }
        boolean indexed = r.hasLocalSecondaryIndexes() || r.hasGlobalSecondaryIndexes();
        if (!indexed && keySchema.size() != defined.size()) {
            return INVALID
                    + "Number of attributes in KeySchema does not exactly match number of attributes defined in"
                    + " AttributeDefinitions";
        }
        if (indexed) {
            String unused = unusedAttributes(r, defined);
            if (unused != null) {
                return unused;
            }
        }
        Set<String> indexNames = new HashSet<>();
        if (r.hasLocalSecondaryIndexes()) {
            String lsi = localIndexes(r, defined, indexNames);
            if (lsi != null) {
                return lsi;
            }
        }
        if (r.hasGlobalSecondaryIndexes()) {
            String gsi = globalIndexes(r, defined, indexNames);
            if (gsi != null) {
                return gsi;
            }
        }
        int projected = 0;
        for (LocalSecondaryIndex lsi : r.localSecondaryIndexes()) {
            projected += lsi.projection().nonKeyAttributes().size();
        }
        for (GlobalSecondaryIndex gsi : r.globalSecondaryIndexes()) {
            projected += gsi.projection().nonKeyAttributes().size();
        }
        if (projected > MAX_PROJECTED_ATTRIBUTES) {
            // the limit is documented (100 projected attributes over all indexes); the text is not confirmed
            return INVALID + "The number of projected attributes in all indexes exceeds the limit of "
                    + MAX_PROJECTED_ATTRIBUTES + ": " + projected;
        }
        return stream(r.streamSpecification());
    }

    private static @Nullable String billing(CreateTableRequest r) {
        ProvisionedThroughput pt = r.provisionedThroughput();
        if ("PAY_PER_REQUEST".equals(r.billingModeAsString())) {
            if (pt != null) {
                return INVALID
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST";
            }
            for (GlobalSecondaryIndex gsi : r.globalSecondaryIndexes()) {
                if (gsi.provisionedThroughput() != null) {
                    return INVALID + "ProvisionedThroughput should not be specified for index: " + gsi.indexName()
                            + " when BillingMode is PAY_PER_REQUEST";
                }
            }
            return null;
        }
        if (pt == null) {
            return INVALID
                    + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                    + " PROVISIONED";
        }
        String bounds = Shapes.capacityOutOfBounds(pt, "");
        if (bounds != null) {
            return bounds;
        }
        for (GlobalSecondaryIndex gsi : r.globalSecondaryIndexes()) {
            if (gsi.provisionedThroughput() == null) {
                return INVALID + "ProvisionedThroughput is not specified for index: " + gsi.indexName();
            }
            String indexBounds =
                    Shapes.capacityOutOfBounds(gsi.provisionedThroughput(), " for index " + gsi.indexName());
            if (indexBounds != null) {
                return indexBounds;
            }
        }
        return null;
    }

    /** The rules on the table key schema (dynalite's order, live-tested). */
    private static @Nullable String tableKeys(List<KeySchemaElement> keys, List<String> defined) {
        List<String> names = keys.stream().map(KeySchemaElement::attributeName).toList();
        if (names.size() == 2
                && (!defined.containsAll(names) || (names.get(0).equals(names.get(1)) && defined.size() == 1))) {
            return "Invalid KeySchema: Some index key attribute have no definition";
        }
        if (names.size() == 1 && !defined.containsAll(names)) {
            return notDefined(names, defined);
        }
        return keyOrder(keys);
    }

    /** Same-name, HASH-first and RANGE-second rules, shared by table and index key schemas. */
    static @Nullable String keyOrder(List<KeySchemaElement> keys) {
        if (keys.size() == 2 && keys.get(0).attributeName().equals(keys.get(1).attributeName())) {
            return "Both the Hash Key and the Range Key element in the KeySchema have the same name";
        }
        if (!"HASH".equals(keys.get(0).keyTypeAsString())) {
            return "Invalid KeySchema: The first KeySchemaElement is not a HASH key type";
        }
        if (keys.size() == 2 && !"RANGE".equals(keys.get(1).keyTypeAsString())) {
            return "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type";
        }
        return null;
    }

    static String notDefined(List<String> keys, List<String> defined) {
        return INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                + String.join(", ", keys) + "], AttributeDefinitions: [" + String.join(", ", defined) + "]";
    }

    /** With indexes, every defined attribute must be a key of the table or of an index (live probe wording). */
    private static @Nullable String unusedAttributes(CreateTableRequest r, List<String> defined) {
        Set<String> used = new LinkedHashSet<>();
        r.keySchema().forEach(k -> used.add(k.attributeName()));
        r.localSecondaryIndexes().forEach(i -> i.keySchema().forEach(k -> used.add(k.attributeName())));
        r.globalSecondaryIndexes().forEach(i -> i.keySchema().forEach(k -> used.add(k.attributeName())));
        if (used.containsAll(defined)) {
            return null;
        }
        Set<String> keysUsed = new HashSet<>(used);
        return INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: [" + String.join(", ", defined)
                + "], keys used: " + new ArrayList<>(keysUsed);
    }

    private static @Nullable String localIndexes(CreateTableRequest r, List<String> defined, Set<String> names) {
        List<LocalSecondaryIndex> lsis = r.localSecondaryIndexes();
        if (lsis.isEmpty()) {
            return INVALID + "List of LocalSecondaryIndexes is empty";
        }
        if (r.keySchema().size() != 2) {
            return INVALID
                    + "Table KeySchema does not have a range key, which is required when specifying a"
                    + " LocalSecondaryIndex";
        }
        String tableHash = r.keySchema().get(0).attributeName();
        for (LocalSecondaryIndex lsi : lsis) {
            String problem = indexKeys(lsi.keySchema(), defined);
            if (problem != null) {
                return problem;
            }
            if (lsi.keySchema().size() != 2) {
                return INVALID + "Index KeySchema does not have a range key for index: " + lsi.indexName();
            }
            String indexHash = lsi.keySchema().get(0).attributeName();
            if (!indexHash.equals(tableHash)) {
                return INVALID
                        + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                        + lsi.indexName() + ". index hash key: " + indexHash + ", table hash key: " + tableHash;
            }
            problem = projection(lsi.projection());
            if (problem == null && !names.add(lsi.indexName())) {
                problem = INVALID + "Duplicate index name: " + lsi.indexName();
            }
            if (problem != null) {
                return problem;
            }
        }
        if (lsis.size() > MAX_LSIS) {
            return INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LSIS;
        }
        return null;
    }

    private static @Nullable String globalIndexes(CreateTableRequest r, List<String> defined, Set<String> names) {
        List<GlobalSecondaryIndex> gsis = r.globalSecondaryIndexes();
        if (gsis.isEmpty()) {
            return INVALID + "List of GlobalSecondaryIndexes is empty";
        }
        for (GlobalSecondaryIndex gsi : gsis) {
            String problem = indexKeys(gsi.keySchema(), defined);
            if (problem == null) {
                problem = projection(gsi.projection());
            }
            if (problem == null && !names.add(gsi.indexName())) {
                problem = INVALID + "Duplicate index name: " + gsi.indexName();
            }
            if (problem != null) {
                return problem;
            }
        }
        if (gsis.size() > MAX_GSIS) {
            return INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GSIS;
        }
        return null;
    }

    static @Nullable String indexKeys(List<KeySchemaElement> keys, List<String> defined) {
        List<String> names = keys.stream().map(KeySchemaElement::attributeName).toList();
        if (!defined.containsAll(names)) {
            return notDefined(names, defined);
        }
        return keyOrder(keys);
    }

    static @Nullable String projection(Projection projection) {
        String type = projection.projectionTypeAsString();
        if (type == null) {
            return INVALID + "Unknown ProjectionType: null";
        }
        if ("INCLUDE".equals(type)) {
            if (!projection.hasNonKeyAttributes()) {
                return INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified";
            }
            Set<String> seen = new HashSet<>();
            for (String a : projection.nonKeyAttributes()) {
                if (!seen.add(a)) {
                    return INVALID + "Duplicate element in NonKeyAttributes: " + a;
                }
            }
        } else if (projection.hasNonKeyAttributes()) {
            return INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified";
        }
        return null;
    }

    /**
     * Stream specification rules. DynamoDB rejects both cases (live-tested by the conformance suite); the texts are
     * the ones DynamoDB Local uses, as no live text was found.
     */
    static @Nullable String stream(@Nullable StreamSpecification stream) {
        if (stream == null) {
            return null;
        }
        boolean enabled = Boolean.TRUE.equals(stream.streamEnabled());
        if (enabled && stream.streamViewTypeAsString() == null) {
            return "Invalid StreamViewType: Stream ViewType must not be null or empty when enabling streams.";
        }
        if (!enabled && stream.streamViewTypeAsString() != null) {
            return "Invalid StreamViewType: Stream StreamEnabled was false but a StreamViewType was present.";
        }
        return null;
    }
}

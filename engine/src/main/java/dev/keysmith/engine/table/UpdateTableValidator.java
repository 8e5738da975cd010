package dev.keysmith.engine.table;

import dev.keysmith.engine.error.Errors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** UpdateTable validation that needs no table: request shape, then the rules on the request alone. */
final class UpdateTableValidator {
    /**
     * DynamoDB's current wording (live, 2026). The reference's section 7.3 quotes dynalite's older, shorter list,
     * which DynamoDB no longer sends.
     */
    static final String NOTHING_TO_DO = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
            + " GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady,"
            + " ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput,"
            + " WarmThroughput or TableClass is required";

    private UpdateTableValidator() {}

    static void validate(UpdateTableRequest r) {
        shape(r);
        boolean nothing = r.provisionedThroughput() == null
                && r.billingModeAsString() == null
                && r.streamSpecification() == null
                && r.tableClassAsString() == null
                && r.deletionProtectionEnabled() == null
                && r.globalSecondaryIndexUpdates().isEmpty();
        if (nothing) {
            throw Errors.validation(NOTHING_TO_DO);
        }
        if (r.provisionedThroughput() != null) {
            String bounds = Shapes.capacityOutOfBounds(r.provisionedThroughput(), "");
            if (bounds != null) {
                throw Errors.validation(bounds);
            }
        }
        indexUpdates(r.globalSecondaryIndexUpdates());
        String stream = CreateTableValidator.stream(r.streamSpecification());
        if (stream != null) {
            throw Errors.validation(stream);
        }
    }

    private static void shape(UpdateTableRequest r) {
        Constraints c = new Constraints();
        Shapes.tableName(c, r.tableName());
        if (r.provisionedThroughput() != null) {
            Shapes.throughput(c, "provisionedThroughput", r.provisionedThroughput());
        }
        c.oneOf("billingMode", r.billingModeAsString(), Shapes.BILLING_MODES);
        c.oneOf("tableClass", r.tableClassAsString(), Shapes.TABLE_CLASSES);
        StreamSpecification stream = r.streamSpecification();
        if (stream != null) {
            c.notNull("streamSpecification.streamEnabled", stream.streamEnabled());
            c.oneOf("streamSpecification.streamViewType", stream.streamViewTypeAsString(), Shapes.STREAM_VIEW_TYPES);
        }
        List<GlobalSecondaryIndexUpdate> updates = r.globalSecondaryIndexUpdates();
        for (int i = 0; i < updates.size(); i++) {
            GlobalSecondaryIndexUpdate u = updates.get(i);
            String member = Constraints.member("globalSecondaryIndexUpdates", i);
            if (u.update() != null) {
                c.notNull(member + ".update.indexName", u.update().indexName());
                c.name(member + ".update.indexName", u.update().indexName(), 3, Shapes.MAX_NAME);
                if (c.notNull(
                        member + ".update.provisionedThroughput", u.update().provisionedThroughput())) {
                    Shapes.throughput(
                            c,
                            member + ".update.provisionedThroughput",
                            u.update().provisionedThroughput());
                }
            }
            CreateGlobalSecondaryIndexAction create = u.create();
            if (create != null) {
                CreateTableValidator.index(
                        c,
                        member + ".create",
                        create.indexName(),
                        create.keySchema(),
                        create.hasKeySchema(),
                        create.projection());
                if (create.provisionedThroughput() != null) {
                    Shapes.throughput(c, member + ".create.provisionedThroughput", create.provisionedThroughput());
                }
            }
            if (u.delete() != null) {
                c.notNull(member + ".delete.indexName", u.delete().indexName());
                c.name(member + ".delete.indexName", u.delete().indexName(), 3, Shapes.MAX_NAME);
            }
        }
        c.check();
    }

    private static void indexUpdates(List<GlobalSecondaryIndexUpdate> updates) {
        Set<String> names = new HashSet<>();
        for (GlobalSecondaryIndexUpdate u : updates) {
            int actions = (u.update() == null ? 0 : 1) + (u.create() == null ? 0 : 1) + (u.delete() == null ? 0 : 1);
            if (actions == 0) {
                throw Errors.validation(CreateTableValidator.INVALID
                        + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
                        + " GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions > 1) {
                throw Errors.validation(CreateTableValidator.INVALID
                        + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            }
            String name = u.update() != null
                    ? u.update().indexName()
                    : u.create() != null ? u.create().indexName() : u.delete().indexName();
            if (!names.add(name)) {
                throw Errors.validation(CreateTableValidator.INVALID
                        + "Only one global secondary index update per index is allowed simultaneously. Index: " + name);
            }
            if (u.update() != null) {
                String bounds = Shapes.capacityOutOfBounds(u.update().provisionedThroughput(), " for index " + name);
                if (bounds != null) {
                    throw Errors.validation(bounds);
                }
            }
            if (u.create() != null) {
                String projection = CreateTableValidator.projection(u.create().projection());
                String keys = CreateTableValidator.keyOrder(u.create().keySchema());
                if (keys != null || projection != null) {
                    throw Errors.validation(keys != null ? keys : projection);
                }
            }
        }
    }
}

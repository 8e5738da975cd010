package dev.keysmith.modeler.engine;

import dev.keysmith.modeler.engine.Step.AddGsi;
import dev.keysmith.modeler.engine.Step.CreateTable;
import dev.keysmith.modeler.engine.Step.RecreateTable;
import dev.keysmith.modeler.engine.Step.RemoveGsi;
import dev.keysmith.modeler.engine.Step.SetStream;
import dev.keysmith.modeler.engine.Step.SetTtl;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.StreamViewType;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.sample.GeneratedItem;
import dev.keysmith.modeler.sample.GenerationOptions;
import dev.keysmith.modeler.sample.SampleDataGenerator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Makes a target's tables match a data model and fills them with sample data, through any {@link DynamoDbClient}.
 *
 * <p>{@link #plan} compares the model with the target (DescribeTable, DescribeTimeToLive); {@link #apply} runs the
 * steps, one GSI change per UpdateTable call, waiting for the table and its indexes to be ACTIVE between them;
 * {@link #load} writes generated items with BatchWriteItem, 25 per call on several lanes at once, resending
 * unprocessed items with backoff.
 */
public final class Materializer {

    /** Lanes of concurrent BatchWriteItem calls a load uses unless told otherwise. */
    public static final int DEFAULT_LOAD_LANES = 4;

    private static final Duration WAIT_LIMIT = Duration.ofMinutes(30);

    private final DynamoDbClient target;
    private final int loadLanes;

    public Materializer(DynamoDbClient target) {
        this(target, DEFAULT_LOAD_LANES);
    }

    /** A materializer whose loads run {@code loadLanes} BatchWriteItem calls at once (1 for strictly sequential). */
    public Materializer(DynamoDbClient target, int loadLanes) {
        this.target = Objects.requireNonNull(target, "target");
        if (loadLanes < 1) {
            throw new IllegalArgumentException("loadLanes must be at least 1, not " + loadLanes);
        }
        this.loadLanes = loadLanes;
    }

    /**
     * A client for a DynamoDB-compatible endpoint (Keysmith, DynamoDB Local, AWS): credentials from the SDK's default
     * chain (with {@code profile} when given; a loopback endpoint falls back to dummy credentials), region from
     * {@code AWS_REGION}, else the profile, else us-east-1.
     */
    public static DynamoDbClient client(URI endpoint, @Nullable String profile) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost();
        AwsCredentialsProvider credentials;
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")) {
            // A local endpoint: the quick sources only (no container or instance-metadata lookups, which wait for
            // network timeouts on a desktop), then dummy keys, which a local endpoint accepts.
            ProfileCredentialsProvider.Builder fromProfile = ProfileCredentialsProvider.builder();
            if (profile != null) {
                fromProfile.profileName(profile);
            }
            credentials = AwsCredentialsProviderChain.of(
                    EnvironmentVariableCredentialsProvider.create(),
                    SystemPropertyCredentialsProvider.create(),
                    fromProfile.build(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("keysmith", "keysmith")));
        } else {
            DefaultCredentialsProvider.Builder defaults = DefaultCredentialsProvider.builder();
            if (profile != null) {
                defaults.profileName(profile);
            }
            credentials = defaults.build();
        }
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .credentialsProvider(credentials)
                .region(region(profile))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    private static Region region(@Nullable String profile) {
        String env = System.getenv("AWS_REGION");
        if (env != null && !env.isBlank()) {
            return Region.of(env);
        }
        try {
            Region fromProfile = new AwsProfileRegionProvider(null, profile).getRegion();
            if (fromProfile != null) {
                return fromProfile;
            }
        } catch (RuntimeException noRegionInProfile) {
            // no profile file or no region in it: the default below applies
        }
        return Region.US_EAST_1;
    }

    /** The steps that make the target match {@code model}'s tables (tables the model does not have are left alone). */
    public Plan plan(DataModel model) {
        List<Step> steps = new ArrayList<>();
        for (TableDesign table : model.tables()) {
            Optional<TableDescription> current = describe(table.name());
            if (current.isEmpty()) {
                steps.add(new CreateTable(table));
                if (table.ttlAttribute() != null) {
                    steps.add(new SetTtl(table.name(), table.ttlAttribute(), true));
                }
                continue;
            }
            TableDescription existing = current.get();
            String mismatch = keyMismatch(table, existing);
            if (mismatch != null) {
                steps.add(new RecreateTable(table, mismatch));
                if (table.ttlAttribute() != null) {
                    steps.add(new SetTtl(table.name(), table.ttlAttribute(), true));
                }
                continue;
            }
            planIndexes(table, existing, steps);
            planStream(table, existing, steps);
            planTtl(table, steps);
        }
        return new Plan(steps);
    }

    private static @Nullable String keyMismatch(TableDesign table, TableDescription existing) {
        if (!sameKeys(TableRequests.keySchema(table.partitionKey(), table.sortKey()), existing.keySchema())) {
            return "key schema " + render(existing.keySchema()) + " becomes "
                    + render(TableRequests.keySchema(table.partitionKey(), table.sortKey()));
        }
        Map<String, String> types = existing.attributeDefinitions().stream()
                .collect(Collectors.toMap(d -> d.attributeName(), d -> d.attributeTypeAsString(), (a, b) -> a));
        for (String key : table.keyNames()) {
            String want = table.attributeType(key).map(Enum::name).orElse("S");
            if (!want.equals(types.get(key))) {
                return "key attribute " + key + " changes type from " + types.get(key) + " to " + want;
            }
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (IndexDesign lsi : table.lsis()) {
            wanted.put(
                    lsi.name(),
                    render(TableRequests.keySchema(table.partitionKey(), lsi.sortKey())) + " "
                            + render(TableRequests.projection(lsi)));
        }
        Map<String, String> present = new LinkedHashMap<>();
        for (LocalSecondaryIndexDescription lsi : existing.localSecondaryIndexes()) {
            present.put(lsi.indexName(), render(lsi.keySchema()) + " " + render(lsi.projection()));
        }
        if (!wanted.equals(present)) {
            return "local secondary indexes " + present.keySet() + " become " + wanted.keySet()
                    + " (LSIs can only be defined when a table is created)";
        }
        return null;
    }

    private static void planIndexes(TableDesign table, TableDescription existing, List<Step> steps) {
        Map<String, GlobalSecondaryIndexDescription> present = new LinkedHashMap<>();
        existing.globalSecondaryIndexes().forEach(g -> present.put(g.indexName(), g));
        Set<String> wanted = new HashSet<>();
        List<Step> additions = new ArrayList<>();
        for (IndexDesign gsi : table.gsis()) {
            wanted.add(gsi.name());
            GlobalSecondaryIndexDescription now = present.get(gsi.name());
            if (now == null) {
                additions.add(new AddGsi(table.name(), gsi));
            } else if (!sameKeys(TableRequests.keySchema(gsi.partitionKey(), gsi.sortKey()), now.keySchema())
                    || !render(TableRequests.projection(gsi)).equals(render(now.projection()))) {
                steps.add(new RemoveGsi(table.name(), gsi.name()));
                additions.add(new AddGsi(table.name(), gsi));
            }
        }
        for (String name : present.keySet()) {
            if (!wanted.contains(name)) {
                steps.add(new RemoveGsi(table.name(), name));
            }
        }
        steps.addAll(additions);
    }

    private static void planStream(TableDesign table, TableDescription existing, List<Step> steps) {
        StreamSpecification spec = existing.streamSpecification();
        StreamViewType now = spec != null && Boolean.TRUE.equals(spec.streamEnabled())
                ? StreamViewType.valueOf(spec.streamViewTypeAsString())
                : null;
        if (Objects.equals(now, table.streamViewType())) {
            return;
        }
        if (now != null) {
            steps.add(new SetStream(table.name(), null));
        }
        if (table.streamViewType() != null) {
            steps.add(new SetStream(table.name(), table.streamViewType()));
        }
    }

    private void planTtl(TableDesign table, List<Step> steps) {
        TimeToLiveDescription ttl =
                target.describeTimeToLive(b -> b.tableName(table.name())).timeToLiveDescription();
        boolean enabled = ttl != null
                && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                        || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        String attribute = enabled ? ttl.attributeName() : null;
        if (Objects.equals(attribute, table.ttlAttribute())) {
            return;
        }
        if (attribute != null) {
            steps.add(new SetTtl(table.name(), attribute, false));
        }
        if (table.ttlAttribute() != null) {
            steps.add(new SetTtl(table.name(), table.ttlAttribute(), true));
        }
    }

    /**
     * Runs the plan's steps in order.
     *
     * @return the steps completed (fewer than planned when cancelled)
     * @throws IllegalStateException before doing anything, when the plan is destructive and that is not allowed
     */
    public List<Step> apply(Plan plan, boolean allowDestructive, Progress progress) {
        if (plan.isDestructive() && !allowDestructive) {
            throw new IllegalStateException("the plan deletes items and destructive changes are not allowed: "
                    + plan.steps().stream()
                            .filter(Step::destructive)
                            .map(Step::description)
                            .collect(Collectors.joining("; ")));
        }
        List<Step> done = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (progress.isCancelled()) {
                break;
            }
            progress.update(done.size(), plan.steps().size(), step.description());
            run(step, progress);
            done.add(step);
        }
        progress.update(done.size(), plan.steps().size(), "done");
        return done;
    }

    private void run(Step step, Progress progress) {
        switch (step) {
            case CreateTable(TableDesign design) -> create(design, progress);
            case RecreateTable(TableDesign design, String reason) -> {
                TableDescription existing =
                        target.describeTable(b -> b.tableName(design.name())).table();
                if (Boolean.TRUE.equals(existing.deletionProtectionEnabled())) {
                    target.updateTable(b -> b.tableName(design.name()).deletionProtectionEnabled(false));
                }
                target.deleteTable(b -> b.tableName(design.name()));
                waitUntil(() -> describe(design.name()).isEmpty(), "deletion of " + design.name(), progress);
                create(design, progress);
            }
            case AddGsi(String table, IndexDesign index) -> {
                TableDesign design = designOf(table, index);
                target.updateTable(b -> b.tableName(table)
                        .attributeDefinitions(TableRequests.attributeDefinitions(index))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(TableRequests.createGsiAction(design, index))
                                .build()));
                waitForActive(table, progress);
            }
            case RemoveGsi(String table, String indexName) -> {
                target.updateTable(b -> b.tableName(table)
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .delete(DeleteGlobalSecondaryIndexAction.builder()
                                        .indexName(indexName)
                                        .build())
                                .build()));
                waitUntil(
                        () -> describe(table)
                                .map(t -> t.globalSecondaryIndexes().stream()
                                        .noneMatch(g -> g.indexName().equals(indexName)))
                                .orElse(true),
                        "removal of GSI " + indexName,
                        progress);
            }
            case SetTtl(String table, String attribute, boolean enabled) ->
                target.updateTimeToLive(b -> b.tableName(table)
                        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(enabled)));
            case SetStream(String table, StreamViewType viewType) -> {
                target.updateTable(b -> b.tableName(table)
                        .streamSpecification(
                                viewType == null
                                        ? StreamSpecification.builder()
                                                .streamEnabled(false)
                                                .build()
                                        : StreamSpecification.builder()
                                                .streamEnabled(true)
                                                .streamViewType(viewType.name())
                                                .build()));
                waitForActive(table, progress);
            }
        }
    }

    /** The table's provisioning settings matter when adding a GSI; only the billing mode and capacity are read. */
    private TableDesign designOf(String table, IndexDesign index) {
        TableDescription existing =
                target.describeTable(b -> b.tableName(table)).table();
        boolean provisioned = existing.billingModeSummary() == null
                || existing.billingModeSummary().billingMode()
                        != software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST;
        TableDesign design = TableDesign.of(table, index.partitionKey(), null);
        if (!provisioned) {
            return design;
        }
        var throughput = existing.provisionedThroughput();
        return design.withBilling(
                dev.keysmith.modeler.model.BillingMode.PROVISIONED,
                throughput == null
                        ? null
                        : dev.keysmith.modeler.model.ProvisionedCapacity.of(
                                throughput.readCapacityUnits(), throughput.writeCapacityUnits()));
    }

    private void create(TableDesign design, Progress progress) {
        target.createTable(TableRequests.createTable(design));
        waitForActive(design.name(), progress);
    }

    private void waitForActive(String table, Progress progress) {
        waitUntil(
                () -> describe(table)
                        .map(t -> t.tableStatus() == TableStatus.ACTIVE
                                && t.globalSecondaryIndexes().stream()
                                        .allMatch(g -> g.indexStatus() == IndexStatus.ACTIVE))
                        .orElse(false),
                table + " to become ACTIVE",
                progress);
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, String what, Progress progress) {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        long sleep = 20;
        while (!done.getAsBoolean()) {
            if (progress.isCancelled()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + WAIT_LIMIT);
            }
            BatchLoader.pause(Duration.ofMillis(sleep));
            sleep = Math.min(sleep * 2, 2000);
        }
    }

    private Optional<TableDescription> describe(String table) {
        try {
            return Optional.of(target.describeTable(b -> b.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Generates items for {@code model} with {@code options} and writes them; see {@link #load(SampleDataGenerator, Progress)}. */
    public LoadResult load(DataModel model, GenerationOptions options, Progress progress) {
        return load(new SampleDataGenerator(model, options), progress);
    }

    /**
     * Writes the generator's items with BatchWriteItem, 25 per call, on {@link #loadLanes} lanes at once (see {@link
     * BatchLoader}). Unprocessed items are resent with exponential backoff; two items with the same key keep the later
     * one, as sequential writes would. When the progress says it is cancelled, the load sends no further batch, waits
     * for those in flight and reports what the target acknowledged.
     *
     * @throws IllegalStateException when unprocessed items remain after repeated retries
     */
    public LoadResult load(SampleDataGenerator generator, Progress progress) {
        Map<String, List<String>> keyNames = new LinkedHashMap<>();
        generator.model().tables().forEach(t -> keyNames.put(t.name(), t.keyNames()));
        long total = generator.count();
        Iterator<GeneratedItem> items = generator.iterator();
        progress.update(0, total, "loading " + total + " items");
        try (BatchLoader loader = new BatchLoader(target, loadLanes)) {
            long reported = 0;
            while (items.hasNext()) {
                if (progress.isCancelled()) {
                    loader.abandon();
                    progress.update(loader.written(), total, "cancelled after " + loader.written() + " items");
                    return new LoadResult(loader.written(), total, loader.calls(), loader.retries(), true);
                }
                GeneratedItem item = items.next();
                List<Object> key = new ArrayList<>();
                key.add(item.table());
                for (String name : keyNames.getOrDefault(item.table(), List.of())) {
                    key.add(item.item().get(name));
                }
                loader.add(item.table(), key, item.item());
                if (loader.written() != reported) {
                    reported = loader.written();
                    progress.update(reported, total, "loading");
                }
            }
            loader.finish();
            progress.update(loader.written(), total, "loaded " + loader.written() + " items");
            return new LoadResult(loader.written(), total, loader.calls(), loader.retries(), false);
        }
    }

    private static boolean sameKeys(List<KeySchemaElement> a, List<KeySchemaElement> b) {
        return render(a).equals(render(b));
    }

    private static String render(List<KeySchemaElement> keys) {
        return keys.stream()
                .map(k -> k.attributeName() + " " + k.keyTypeAsString())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String render(@Nullable Projection projection) {
        if (projection == null) {
            return "ALL";
        }
        List<String> nonKey = projection.hasNonKeyAttributes()
                ? projection.nonKeyAttributes().stream().sorted().toList()
                : List.of();
        return projection.projectionTypeAsString() + (nonKey.isEmpty() ? "" : " " + nonKey);
    }
}

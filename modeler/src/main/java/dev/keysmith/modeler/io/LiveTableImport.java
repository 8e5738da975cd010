package dev.keysmith.modeler.io;

import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Imports tables as they are on any DynamoDB endpoint (AWS, DynamoDB Local, Keysmith's own engine): the design from
 * DescribeTable and DescribeTimeToLive (see {@link DescribedTable}), and entity types, key templates and attributes
 * inferred from a sample of the items (see {@link EntityInference}), which the model keeps as its sample items.
 *
 * <p>The sample is the first {@link LiveImportOptions#sampleSize()} items a Scan returns, read page by page with
 * {@code Limit} set to the items still wanted, so no more than the sample is ever read. Warnings name the table: a
 * listed table deleted before it was read, an empty table, a sample cut short, an attribute with several types in one
 * entity type.
 */
public final class LiveTableImport {

    /** Project metadata key: where the tables were read. */
    public static final String SOURCE = "importedFrom";
    /** Project metadata key: the sample size per table. */
    public static final String SAMPLE_SIZE = "importSampleSize";

    private final DynamoDbClient client;
    private final LiveImportOptions options;
    private final Warnings warnings = new Warnings();

    private LiveTableImport(DynamoDbClient client, LiveImportOptions options) {
        this.client = client;
        this.options = options;
    }

    /**
     * Reads tables into a new project with one data model.
     *
     * @param tableNames the tables to import, or empty for every table ListTables shows
     * @throws ImportException naming the table or the endpoint: a named table that does not exist, an endpoint that
     *     cannot be reached, credentials it refuses, a request it rejects
     */
    public static ImportResult read(DynamoDbClient client, List<String> tableNames, LiveImportOptions options)
            throws ImportException {
        return new LiveTableImport(client, options).run(tableNames);
    }

    private ImportResult run(List<String> tableNames) throws ImportException {
        boolean all = tableNames.isEmpty();
        Set<String> names = new LinkedHashSet<>(all ? listTables() : tableNames);
        if (names.isEmpty()) {
            warnings.add(options.source(), "no tables to import");
        }
        List<TableDesign> tables = new ArrayList<>();
        for (String name : names) {
            TableDescription description = describe(name, all);
            if (description != null) {
                tables.add(table(description));
            }
        }
        DataModel model = new DataModel(options.projectName(), "Imported from " + options.source(), tables, List.of());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(SOURCE, options.source());
        metadata.put(SAMPLE_SIZE, String.valueOf(options.sampleSize()));
        Project project = new Project(Project.FORMAT_VERSION, options.projectName(), List.of(model), metadata);
        return new ImportResult(project, warnings.lines());
    }

    private List<String> listTables() throws ImportException {
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page;
            try {
                page = call("ListTables", () -> client.listTables(b -> b.exclusiveStartTableName(from)));
            } catch (NotFound e) {
                throw new ImportException(options.source(), "ListTables answered ResourceNotFoundException");
            }
            names.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        return names;
    }

    /** The description; null (with a warning) for a listed table deleted since, an error for a named one. */
    private @Nullable TableDescription describe(String name, boolean listed) throws ImportException {
        try {
            return call("DescribeTable", () -> client.describeTable(b -> b.tableName(name)))
                    .table();
        } catch (NotFound e) {
            if (listed) {
                warnings.add("table " + name, "no longer exists; skipped");
                return null;
            }
            throw new ImportException(options.source(), "Table " + name + " not found");
        }
    }

    private TableDesign table(TableDescription description) throws ImportException {
        String name = description.tableName();
        TableDesign design = DescribedTable.design(description, ttlAttribute(name), options.source());
        Sample sample = sample(name);
        if (sample.items().isEmpty()) {
            if (options.sampleSize() > 0) {
                warnings.add("table " + name, "the table is empty; no entity types inferred");
            }
            return design;
        }
        long itemCount = sample.truncated() && description.itemCount() != null ? description.itemCount() : 0;
        return EntityInference.infer(design, sample.items(), itemCount, warnings);
    }

    private @Nullable String ttlAttribute(String table) throws ImportException {
        TimeToLiveDescription ttl;
        try {
            ttl = call("DescribeTimeToLive", () -> client.describeTimeToLive(b -> b.tableName(table)))
                    .timeToLiveDescription();
        } catch (NotFound e) {
            return null;
        }
        boolean on = ttl != null
                && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                        || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        return on ? ttl.attributeName() : null;
    }

    /** The items read, and whether the table holds more. */
    private record Sample(List<Map<String, AttributeValue>> items, boolean truncated) {}

    private Sample sample(String table) throws ImportException {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        boolean more = options.sampleSize() > 0;
        while (more && items.size() < options.sampleSize()) {
            ScanRequest request = ScanRequest.builder()
                    .tableName(table)
                    .limit(options.sampleSize() - items.size())
                    .exclusiveStartKey(start)
                    .build();
            ScanResponse page;
            try {
                page = call("Scan", () -> client.scan(request));
            } catch (NotFound e) {
                throw new ImportException(options.source(), "Table " + table + " was deleted while it was read");
            }
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            more = start != null;
        }
        if (more) {
            warnings.add(
                    "table " + table,
                    "the sample stopped at the first " + items.size() + " items; entity types and"
                            + " attributes found only in later items are missing");
        }
        return new Sample(items, more);
    }

    /** ResourceNotFoundException, which each caller reads in its own way. */
    private static final class NotFound extends Exception {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private <T> T call(String operation, Supplier<T> request) throws ImportException, NotFound {
        try {
            return request.get();
        } catch (ResourceNotFoundException e) {
            throw new NotFound();
        } catch (SdkException e) {
            throw new ImportException(options.source(), problem(operation, e), e);
        }
    }

    private static String problem(String operation, SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = firstLine(service.awsErrorDetails().errorMessage());
            if (CREDENTIAL_ERRORS.contains(code)) {
                return "The endpoint refused the credentials (" + code + ": " + message + ")";
            }
            return operation + " failed (" + code + ": " + message + ")";
        }
        String message = firstLine(e.getMessage());
        if (e instanceof SdkClientException && message.startsWith("Unable to load credentials")) {
            return "No AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or choose a profile)";
        }
        return "Cannot reach the endpoint (" + message + ")";
    }

    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "IncompleteSignature",
            "MissingAuthenticationToken",
            "AccessDeniedException",
            "ExpiredTokenException",
            "InvalidClientTokenId",
            "SignatureDoesNotMatch");

    private static String firstLine(@Nullable String text) {
        if (text == null) {
            return "no message";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}

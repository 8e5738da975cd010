package dev.keysmith.engine.table;

import static dev.keysmith.engine.table.Requests.attr;
import static dev.keysmith.engine.table.Requests.compositeTable;
import static dev.keysmith.engine.table.Requests.gsi;
import static dev.keysmith.engine.table.Requests.hashTable;
import static dev.keysmith.engine.table.Requests.key;
import static dev.keysmith.engine.table.Requests.lsi;
import static dev.keysmith.engine.table.Requests.projection;
import static dev.keysmith.engine.table.Requests.throughput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Runs the same control-plane requests against Keysmith and DynamoDB Local 2.6.1 (embedded) and compares the outcome.
 *
 * <p>DynamoDB Local's embedded client answers most validation failures with its own texts ("Invalid table/index name.
 * Table/index names must be between 3 and 255 characters long...", "Cannot create preexisting table", "Cannot do
 * operations on a non-existent table"), not DynamoDB's. Where they differ the documented DynamoDB text wins: those cases
 * compare only the error code ({@link Agreement#SAME_CODE}); the messages themselves are pinned in the per-action tests.
 * Where DynamoDB Local accepts a request that DynamoDB rejects, the case is {@link Agreement#LOCAL_IS_LENIENT}.
 */
class DynamoDbLocalDifferentialTest {
    private static @Nullable DynamoDbClient local;
    private static KeysmithEngine keysmith;

    enum Agreement {
        /** Both fail with the same code and the same message. */
        SAME_MESSAGE,
        /** Both fail with the same code; DynamoDB Local's message is not DynamoDB's. */
        SAME_CODE,
        /** DynamoDB rejects the request (documented or live-verified); DynamoDB Local accepts it. */
        LOCAL_IS_LENIENT
    }

    record Case(String name, Agreement agreement, Function<DynamoDbClient, Object> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws IOException {
        Path natives = sqliteNatives();
        Assumptions.assumeTrue(natives != null, "no sqlite4java native library for this platform on the classpath");
        System.setProperty("sqlite4java.library.path", natives.toString());
        local = DynamoDBEmbedded.create(true).dynamoDbClient();
        keysmith = KeysmithEngine.open(EngineConfig.inMemory());
        for (DynamoDbClient client : List.of(local, keysmith)) {
            client.createTable(hashTable("tbl").build());
            client.createTable(hashTable("prot").deletionProtectionEnabled(true).build());
        }
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
            keysmith.close();
        }
    }

    /**
     * Copies the sqlite4java library of this platform under the name sqlite4java loads. Maven keeps it next to the
     * sqlite4java jar in the local repository ({@code .../sqlite4java/<v>/} and {@code .../<native artifact>/<v>/}).
     */
    private static @Nullable Path sqliteNatives() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String artifact = os.contains("win")
                ? "sqlite4java-win32-x64"
                : os.contains("mac") ? "libsqlite4java-osx" : "libsqlite4java-linux-amd64";
        String extension = os.contains("win") ? ".dll" : os.contains("mac") ? ".dylib" : ".so";
        Path jar;
        try {
            jar = Path.of(com.almworks.sqlite4java.SQLite.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        Path versionDir = jar.getParent();
        String version = versionDir.getFileName().toString();
        Path library = versionDir
                .getParent()
                .getParent()
                .resolve(artifact)
                .resolve(version)
                .resolve(artifact + "-" + version + extension);
        if (!Files.isRegularFile(library)) {
            return null;
        }
        Path dir = Files.createTempDirectory("sqlite4java");
        Path target = dir.resolve(artifact + extension);
        Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
        dir.toFile().deleteOnExit();
        target.toFile().deleteOnExit();
        return dir;
    }

    private static Case create(
            String name, Agreement agreement, Function<CreateTableRequest.Builder, CreateTableRequest.Builder> change) {
        return new Case(
                "CreateTable: " + name,
                agreement,
                client -> client.createTable(
                        change.apply(hashTable("new_" + name.hashCode() + "x")).build()));
    }

    static Stream<Case> invalidRequests() {
        return Stream.of(
                create("missing name", Agreement.SAME_CODE, b -> b.tableName(null)),
                create("short name", Agreement.SAME_CODE, b -> b.tableName("ab")),
                create("long name", Agreement.SAME_CODE, b -> b.tableName("x".repeat(256))),
                create("bad character", Agreement.SAME_CODE, b -> b.tableName("abc!")),
                create(
                        "three keys",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("x", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "RANGE"), key("x", "RANGE"))),
                create("bad key type", Agreement.SAME_CODE, b -> b.keySchema(key("pk", "INVALID"))),
                create("bad attribute type", Agreement.SAME_CODE, b -> b.attributeDefinitions(attr("pk", "INVALID"))),
                create("same key twice", Agreement.SAME_CODE, b -> b.keySchema(key("pk", "HASH"), key("pk", "RANGE"))),
                create("undefined hash key", Agreement.SAME_CODE, b -> b.keySchema(key("zz", "HASH"))),
                create(
                        "range key first",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"))
                                .keySchema(key("sk", "RANGE"), key("pk", "HASH"))),
                create(
                        "two hash keys",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "HASH"))),
                create(
                        "unused attribute",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("x", "S"))),
                create(
                        "duplicate attribute",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("pk", "N"))),
                create(
                        "no throughput",
                        Agreement.SAME_CODE,
                        b -> b.provisionedThroughput((ProvisionedThroughput) null)),
                create("zero throughput", Agreement.SAME_CODE, b -> b.provisionedThroughput(throughput(0L, 5L))),
                // reference 7.3 and the live conformance suite: DynamoDB rejects throughput on an on-demand table
                create("on-demand with throughput", Agreement.LOCAL_IS_LENIENT, b -> b.billingMode("PAY_PER_REQUEST")),
                create(
                        "LSI without table range key",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("l", "S"))
                                .localSecondaryIndexes(lsi("lsi", "l", projection("ALL")))),
                create(
                        "LSI with another hash key",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "RANGE"))
                                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                                        .indexName("lsi")
                                        .keySchema(key("l", "HASH"), key("sk", "RANGE"))
                                        .projection(projection("ALL"))
                                        .build())),
                create(
                        "six LSIs",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "RANGE"))
                                .localSecondaryIndexes(IntStream.range(0, 6)
                                        .mapToObj(i -> lsi("lsi" + i, "l", projection("ALL")))
                                        .toList())),
                create(
                        "INCLUDE without attributes",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "RANGE"))
                                .localSecondaryIndexes(lsi("lsi", "l", projection("INCLUDE")))),
                create(
                        "KEYS_ONLY with attributes",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("l", "S"))
                                .keySchema(key("pk", "HASH"), key("sk", "RANGE"))
                                .localSecondaryIndexes(lsi("lsi", "l", projection("KEYS_ONLY", "x")))),
                create(
                        "GSI without throughput",
                        Agreement.SAME_CODE,
                        b -> b.attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                                .globalSecondaryIndexes(gsi("gsi", "g", projection("ALL")))),
                create("empty GSI list", Agreement.SAME_CODE, b -> b.globalSecondaryIndexes(List.of())),
                create(
                        "disabled stream with a view type",
                        Agreement.SAME_CODE,
                        b -> b.streamSpecification(s -> s.streamEnabled(false).streamViewType("NEW_IMAGE"))),
                new Case(
                        "CreateTable: existing table",
                        Agreement.SAME_CODE,
                        c -> c.createTable(hashTable("tbl").build())),
                new Case(
                        "DescribeTable: missing table",
                        Agreement.SAME_CODE,
                        c -> c.describeTable(b -> b.tableName("nope"))),
                new Case("DescribeTable: null name", Agreement.SAME_CODE, c -> c.describeTable(b -> {})),
                new Case(
                        "DeleteTable: missing table",
                        Agreement.SAME_CODE,
                        c -> c.deleteTable(b -> b.tableName("nope"))),
                new Case(
                        "DeleteTable: protected table",
                        Agreement.SAME_MESSAGE,
                        c -> c.deleteTable(b -> b.tableName("prot"))),
                new Case(
                        "UpdateTable: missing table",
                        Agreement.SAME_CODE,
                        c -> c.updateTable(b -> b.tableName("nope").provisionedThroughput(throughput(1L, 1L)))),
                new Case(
                        "UpdateTable: nothing to do", Agreement.SAME_CODE, c -> c.updateTable(b -> b.tableName("tbl"))),
                // DynamoDB Local shortens DynamoDB's text (dynalite's live-tested "The provisioned throughput for
                // the table will not change. The requested value equals the current value. Current ...")
                new Case(
                        "UpdateTable: unchanged throughput",
                        Agreement.SAME_CODE,
                        c -> c.updateTable(b -> b.tableName("tbl").provisionedThroughput(throughput(5L, 5L)))),
                new Case("ListTables: limit 0", Agreement.SAME_CODE, c -> c.listTables(b -> b.limit(0))),
                new Case("ListTables: limit 101", Agreement.SAME_CODE, c -> c.listTables(b -> b.limit(101))));
    }

    private static @Nullable DynamoDbException failure(DynamoDbClient client, Case c) {
        try {
            c.call.apply(client);
            return null;
        } catch (DynamoDbException e) {
            return e;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void keysmithRejectsWhatDynamoDbRejects(Case c) {
        DynamoDbException ours = failure(keysmith, c);
        DynamoDbException theirs = failure(local, c);
        if (ours == null) {
            fail("Keysmith accepted " + c.name);
        }
        switch (c.agreement) {
            case SAME_MESSAGE -> {
                assertEquals(code(theirs), code(ours));
                assertEquals(
                        theirs.awsErrorDetails().errorMessage(),
                        ours.awsErrorDetails().errorMessage());
            }
            case SAME_CODE -> assertEquals(code(theirs), code(ours), "DynamoDB Local said: " + message(theirs));
            case LOCAL_IS_LENIENT -> {
                assertEquals(null, theirs, "DynamoDB Local now rejects this too; make the case SAME_CODE");
                assertEquals("ValidationException", code(ours));
            }
        }
    }

    private static @Nullable String code(@Nullable DynamoDbException e) {
        return e == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String message(@Nullable DynamoDbException e) {
        return e == null ? "(accepted)" : e.awsErrorDetails().errorMessage();
    }

    @Test
    void validTablesAreDescribedAlike() {
        List<CreateTableRequest> requests = List.of(
                hashTable("same_hash").build(),
                compositeTable("same_composite")
                        .attributeDefinitions(attr("pk", "S"), attr("sk", "N"), attr("l", "B"), attr("g", "S"))
                        .localSecondaryIndexes(lsi("byL", "l", projection("INCLUDE", "b", "a")))
                        .globalSecondaryIndexes(gsi("byG", "g", projection("KEYS_ONLY")))
                        .deletionProtectionEnabled(true)
                        .build());
        for (CreateTableRequest request : requests) {
            local.createTable(request);
            keysmith.createTable(request);
            TableDescription theirs =
                    local.describeTable(b -> b.tableName(request.tableName())).table();
            TableDescription ours = keysmith.describeTable(b -> b.tableName(request.tableName()))
                    .table();
            assertEquals(theirs.tableStatus(), ours.tableStatus());
            assertEquals(theirs.keySchema(), ours.keySchema());
            assertEquals(
                    theirs.attributeDefinitions().stream()
                            .sorted((a, b) -> a.attributeName().compareTo(b.attributeName()))
                            .toList(),
                    ours.attributeDefinitions());
            assertEquals(theirs.itemCount(), ours.itemCount());
            assertEquals(theirs.tableSizeBytes(), ours.tableSizeBytes());
            assertEquals(theirs.deletionProtectionEnabled(), ours.deletionProtectionEnabled());
            assertEquals(
                    theirs.provisionedThroughput().readCapacityUnits(),
                    ours.provisionedThroughput().readCapacityUnits());
            assertEquals(
                    theirs.provisionedThroughput().writeCapacityUnits(),
                    ours.provisionedThroughput().writeCapacityUnits());
            assertEquals(
                    theirs.billingModeSummary() == null
                            ? null
                            : theirs.billingModeSummary().billingMode(),
                    ours.billingModeSummary() == null
                            ? null
                            : ours.billingModeSummary().billingMode());
            assertEquals(
                    theirs.localSecondaryIndexes().stream()
                            .map(i -> i.indexName()
                                    + i.keySchema()
                                    + i.projection().projectionType())
                            .toList(),
                    ours.localSecondaryIndexes().stream()
                            .map(i -> i.indexName()
                                    + i.keySchema()
                                    + i.projection().projectionType())
                            .toList());
            assertEquals(
                    theirs.globalSecondaryIndexes().stream()
                            .map(i -> i.indexName() + i.keySchema() + i.projection())
                            .toList(),
                    ours.globalSecondaryIndexes().stream()
                            .map(i -> i.indexName() + i.keySchema() + i.projection())
                            .toList());
        }
    }
}

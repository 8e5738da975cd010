package dev.keysmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.app.Launcher;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.wire.WireConfig;
import dev.keysmith.engine.wire.WireServer;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.store.ProjectFiles;
import dev.keysmith.modeler.store.ProjectStore;
import dev.keysmith.modeler.template.KeyTemplate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LiveImportCommandTest {

    @TempDir
    Path dir;

    private KeysmithEngine engine;
    private WireServer server;

    private record Run(int status, String out, String err) {}

    private static Run keysmith(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Launcher.commandLine(() -> {});
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** A single-table design: users (USER#id / PROFILE) and their orders (USER#id / ORDER#date#id). */
    private static void fill(DynamoDbClient db) {
        db.createTable(b -> b.tableName("App")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(string("PK"), string("SK")));
        put(db, "USER#1", "PROFILE", "name", "Ann");
        put(db, "USER#2", "PROFILE", "name", "Bob");
        put(db, "USER#1", "ORDER#2024-01-02#77", "status", "NEW");
        put(db, "USER#2", "ORDER#2024-03-04#78", "status", "PAID");
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static void put(DynamoDbClient db, String pk, String sk, String attribute, String value) {
        db.putItem(b -> b.tableName("App")
                .item(Map.of(
                        "PK",
                        AttributeValue.fromS(pk),
                        "SK",
                        AttributeValue.fromS(sk),
                        attribute,
                        AttributeValue.fromS(value))));
    }

    @BeforeEach
    void serve() throws Exception {
        engine = KeysmithEngine.open(EngineConfig.inMemory());
        server = WireServer.start(engine, engine.streams(), WireConfig.defaults(0));
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private static Project open(Path project) throws Exception {
        try (ProjectStore<Project> store = ProjectFiles.openReadOnly(project)) {
            return store.current();
        }
    }

    private static void assertAppImported(Project project) {
        TableDesign app = project.models().getFirst().table("App").orElseThrow();
        assertEquals(List.of("PK", "SK"), app.keyNames());
        assertEquals(4, app.sampleItems().size());
        EntityType profile = app.entity("UserProfile").orElseThrow();
        EntityType order = app.entity("Order").orElseThrow();
        assertEquals(KeyTemplate.parse("USER#{userId}"), profile.keyTemplates().get("PK"));
        assertEquals(KeyTemplate.parse("PROFILE"), profile.keyTemplates().get("SK"));
        assertEquals(
                KeyTemplate.parse("ORDER#{orderDate}#{orderId}"),
                order.keyTemplates().get("SK"));
    }

    private static void assertOneLineError(Run run, String expected) {
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.err().startsWith("keysmith import: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void import_from_an_endpoint_creates_a_project_with_the_tables_and_inferred_entity_types() throws Exception {
        fill(engine);
        Path project = dir.resolve("app.keysmith");

        Run run = keysmith("import", "--endpoint", server.endpoint().toString(), "-o", project.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("(1 tables, 2 entity types)"), run.out());
        Project imported = open(project);
        assertEquals("app", imported.name());
        assertAppImported(imported);
        Run lint = keysmith("lint", project.toString());
        assertEquals(0, lint.status(), lint.out() + lint.err());
        Path workbench = dir.resolve("app.json");
        Run export = keysmith("export", project.toString(), "--format", "nosql-workbench", "-o", workbench.toString());
        assertEquals(0, export.status(), export.err());
        Run reimported = keysmith(
                "import",
                workbench.toString(),
                "-o",
                dir.resolve("again.keysmith").toString());
        assertEquals(0, reimported.status(), reimported.err());
        assertEquals(
                Map.of(
                        "PK",
                        KeyTemplate.parse("USER#{userId}"),
                        "SK",
                        KeyTemplate.parse("ORDER#{orderDate}#{orderId}")),
                open(dir.resolve("again.keysmith"))
                        .models()
                        .getFirst()
                        .table("App")
                        .orElseThrow()
                        .entity("Order")
                        .orElseThrow()
                        .keyTemplates(),
                "the inferred templates survive a NoSQL Workbench export and import");
    }

    @Test
    void import_of_named_tables_with_a_sample_size_reads_only_those_tables_and_that_many_items() throws Exception {
        fill(engine);
        engine.createTable(b -> b.tableName("Other")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("id", KeyType.HASH))
                .attributeDefinitions(string("id")));
        Path project = dir.resolve("some.keysmith");

        Run run = keysmith(
                "import",
                "--endpoint",
                server.endpoint().toString(),
                "--table",
                "App",
                "--sample",
                "3",
                "-o",
                project.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("warning: table App: the sample stopped at the first 3 items"), run.err());
        List<TableDesign> tables = open(project).models().getFirst().tables();
        assertEquals(List.of("App"), tables.stream().map(TableDesign::name).toList());
        assertEquals(3, tables.getFirst().sampleItems().size());
    }

    @Test
    void import_from_a_data_folder_reads_the_embedded_engine() throws Exception {
        Path data = dir.resolve("data");
        try (KeysmithEngine onDisk = KeysmithEngine.open(EngineConfig.onDisk(data))) {
            fill(onDisk);
        }
        Path project = dir.resolve("disk.keysmith");

        Run run = keysmith("import", "--data", data.toString(), "-o", project.toString());

        assertEquals(0, run.status(), run.err());
        assertAppImported(open(project));
        assertEquals(data.toString(), open(project).metadata().get("importedFrom"));
    }

    @Test
    void an_unknown_table_is_one_line_naming_it_and_no_project_is_created() {
        Path project = dir.resolve("none.keysmith");

        Run run = keysmith(
                "import", "--endpoint", server.endpoint().toString(), "--table", "Nope", "-o", project.toString());

        assertOneLineError(run, "Table Nope not found at " + server.endpoint());
        assertFalse(Files.exists(project));
    }

    @Test
    void an_unreachable_endpoint_is_one_line_naming_it() {
        Run run = keysmith(
                "import",
                "--endpoint",
                "http://127.0.0.1:1",
                "-o",
                dir.resolve("x.keysmith").toString());

        assertOneLineError(run, "Cannot reach the endpoint");
        assertTrue(run.err().strip().endsWith("at http://127.0.0.1:1"), run.err());
    }

    @Test
    void an_endpoint_that_is_not_an_http_url_is_one_line_showing_the_expected_form() {
        String out = dir.resolve("x.keysmith").toString();

        assertOneLineError(
                keysmith("import", "--endpoint", "localhost:8000", "-o", out),
                "--endpoint takes an http or https URL such as http://localhost:8000, got localhost:8000");
        assertOneLineError(keysmith("import", "--endpoint", "ftp://127.0.0.1", "-o", out), "got ftp://127.0.0.1");
    }

    @Test
    void credentials_the_endpoint_refuses_are_one_line_naming_the_endpoint() throws Exception {
        try (WireServer strict = WireServer.start(
                engine,
                engine.streams(),
                new WireConfig("127.0.0.1", 0, Map.of("AKIDKEYSMITHTEST", "s3cret"), EngineConfig.DEFAULT_REGION))) {
            Run run = keysmith(
                    "import",
                    "--endpoint",
                    strict.endpoint().toString(),
                    "-o",
                    dir.resolve("x.keysmith").toString());

            assertOneLineError(run, "The endpoint refused the credentials (UnrecognizedClientException");
            assertTrue(run.err().strip().endsWith("at " + strict.endpoint()), run.err());
        }
    }

    @Test
    void a_missing_data_folder_is_an_error_and_is_not_created() {
        Path data = dir.resolve("absent");

        Run run = keysmith(
                "import",
                "--data",
                data.toString(),
                "-o",
                dir.resolve("x.keysmith").toString());

        assertOneLineError(run, "no such file: " + data);
        assertFalse(Files.exists(data));
    }

    @Test
    void exactly_one_of_a_file_and_a_live_source_is_accepted() throws Exception {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "{}");
        String out = dir.resolve("x.keysmith").toString();

        assertOneLineError(keysmith("import", "-o", out), "give either FILE or one of --endpoint URL and --data DIR");
        assertOneLineError(
                keysmith(
                        "import",
                        file.toString(),
                        "--endpoint",
                        server.endpoint().toString(),
                        "-o",
                        out),
                "give either FILE");
        assertOneLineError(
                keysmith("import", file.toString(), "--table", "App", "-o", out), "apply to --endpoint and --data");
        assertEquals(
                2,
                keysmith("import", "--endpoint", "http://x", "--data", "d", "-o", out)
                        .status());
    }
}

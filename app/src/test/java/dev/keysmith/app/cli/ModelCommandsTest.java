package dev.keysmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.app.Launcher;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelCommandsTest {

    private static final Path SESSIONS = Path.of("src/test/resources/samples/SessionManagementSchema.json");

    @TempDir
    Path dir;

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

    /** A small NoSQL Workbench model with one facet and one access-pattern-free table. */
    private Path shopFile() throws Exception {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, """
                {"ModelName": "Shop", "ModelMetadata": {"Version": "3.0"},
                 "DataModel": [{
                   "TableName": "Shop",
                   "KeyAttributes": {"PartitionKey": {"AttributeName": "PK", "AttributeType": "S"},
                                     "SortKey": {"AttributeName": "SK", "AttributeType": "S"}},
                   "NonKeyAttributes": [{"AttributeName": "email", "AttributeType": "S"}],
                   "TableFacets": [{"FacetName": "Customer",
                     "KeyAttributeAlias": {"PartitionKeyAlias": "CustomerId", "SortKeyAlias": "Kind"},
                     "TableData": [{"PK": {"S": "CUST#1"}, "SK": {"S": "PROFILE"}, "email": {"S": "a@b.c"}},
                                   {"PK": {"S": "CUST#2"}, "SK": {"S": "PROFILE"}, "email": {"S": "d@e.f"}}],
                     "NonKeyAttributes": ["email"]}],
                   "BillingMode": "PAY_PER_REQUEST"}]}
                """);
        return file;
    }

    @Test
    void import_creates_a_project_that_lint_and_export_read() throws Exception {
        Path project = dir.resolve("sessions.keysmith");

        Run imported = keysmith("import", SESSIONS.toString(), "-o", project.toString());

        assertEquals(0, imported.status(), imported.err());
        assertTrue(Files.exists(project));
        Run lint = keysmith("lint", project.toString());
        assertTrue(lint.out().contains("errors,"), lint.out());
        Path cfn = dir.resolve("sessions.yaml");
        Run export = keysmith("export", project.toString(), "--format", "cloudformation-yaml", "-o", cfn.toString());
        assertEquals(0, export.status(), export.err());
        assertTrue(Files.readString(cfn).contains("AWS::DynamoDB::Table"));
        Run cli = keysmith("export", SESSIONS.toString(), "--format", "cli-json");
        assertEquals(0, cli.status(), cli.err());
        assertTrue(cli.out().contains("\"TableName\" : \"session_store\"")
                || cli.out().contains("session_store"));
    }

    @Test
    void import_detects_cloudformation_yaml_by_content() throws Exception {
        Path yaml = dir.resolve("template.txt");
        Files.writeString(yaml, """
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: Orders
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions:
                        - AttributeName: id
                          AttributeType: S
                      KeySchema:
                        - AttributeName: id
                          KeyType: HASH
                """);
        Run run = keysmith(
                "import", yaml.toString(), "-o", dir.resolve("o.keysmith").toString());
        assertEquals(0, run.status(), run.err());
        Run export = keysmith("export", dir.resolve("o.keysmith").toString(), "--format", "cli-json");
        assertEquals(0, export.status(), export.err());
        assertTrue(export.out().contains("Orders"), export.out() + export.err());
    }

    @Test
    void a_broken_input_file_gives_one_line_naming_the_problem_and_no_stack_trace() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"ModelName\": \"x\", \"DataModel\": [{\"TableName\": 5}");

        Run run = keysmith("lint", broken.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("keysmith lint: "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        Run missing = keysmith("lint", dir.resolve("nope.json").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void usage_errors_exit_with_2() {
        assertEquals(
                2, keysmith("export", SESSIONS.toString(), "--format", "excel").status());
        assertEquals(2, keysmith("materialize", SESSIONS.toString()).status());
    }

    @Test
    void an_endpoint_without_a_scheme_is_refused_in_one_line() throws Exception {
        for (String command : List.of("materialize", "patterns")) {
            Run run = keysmith(command, shopFile().toString(), "--endpoint", "localhost:8000");
            assertEquals(1, run.status(), command);
            assertEquals(
                    "keysmith " + command
                            + ": --endpoint takes an http or https URL such as http://localhost:8000, got localhost:8000",
                    run.err().strip(),
                    command);
        }
    }

    @Test
    void materialize_into_a_data_folder_creates_the_tables_and_loads_items() throws Exception {
        Path data = dir.resolve("data");

        Run run = keysmith("materialize", shopFile().toString(), "--data", data.toString(), "--items", "40");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("create table Shop"), run.out());
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(data))) {
            int count = engine.scan(b -> b.tableName("Shop")).count();
            assertTrue(count >= 40, "40 generated customers plus the stored samples, got " + count);
        }
        Run again = keysmith("materialize", shopFile().toString(), "--data", data.toString(), "--items", "5");
        assertTrue(again.out().contains("already match"), again.out());
    }

    @Test
    void patterns_reports_each_pattern_and_fails_when_one_fails() throws Exception {
        Path project = dir.resolve("shop.keysmith");
        assertEquals(
                0,
                keysmith("import", shopFile().toString(), "-o", project.toString())
                        .status());
        try (var store = dev.keysmith.modeler.store.ProjectFiles.open(project)) {
            var p = store.current();
            var model = p.models().getFirst();
            var ok = dev.keysmith.modeler.model.AccessPattern.of(
                            "AP1",
                            "customer",
                            dev.keysmith.modeler.model.Operation.GetItem,
                            "Shop",
                            "PK = {PK} AND SK = {SK}",
                            dev.keysmith.modeler.model.Rate.of(1))
                    .withExpectedEntityTypes(java.util.List.of("Customer"));
            var bad = dev.keysmith.modeler.model.AccessPattern.of(
                    "AP2",
                    "by email",
                    dev.keysmith.modeler.model.Operation.Query,
                    "Shop",
                    "email = {email}",
                    dev.keysmith.modeler.model.Rate.of(1));
            store.save(p.editModel(model.name(), m -> m.withPatterns(java.util.List.of(ok, bad))), "patterns");
        }

        Run run = keysmith(
                "patterns", project.toString(), "--data", dir.resolve("fresh").toString(), "--items", "5");

        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("Materializing"), run.out());
        assertTrue(run.out().contains("[OK] AP1 customer"), run.out());
        assertTrue(run.out().contains("[UNSERVABLE] AP2 by email"), run.out());
        assertTrue(run.out().contains("1 of 2 patterns met"), run.out());
    }
}

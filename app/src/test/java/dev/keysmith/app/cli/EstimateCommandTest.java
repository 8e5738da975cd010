package dev.keysmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keysmith.app.Launcher;
import dev.keysmith.modeler.estimate.PriceTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EstimateCommandTest {
    private static final Path SESSIONS = Path.of("src/test/resources/samples/SessionManagementSchema.json");

    private record Run(int status, String out, String err) {}

    private static Run keysmith(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Launcher.commandLine(() -> {});
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void printsTheReportWithThePriceTableDate() {
        Run text = keysmith("estimate", SESSIONS.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Price table: "), text.out());
        assertTrue(text.out().contains(PriceTable.bundled().asOf().toString()), "the report names the prices' date");
    }

    @Test
    void jsonIsMachineReadable() throws Exception {
        Run json = keysmith("estimate", SESSIONS.toString(), "--format", "json");
        assertEquals(0, json.status(), json.err());
        assertTrue(new ObjectMapper().readTree(json.out()).isObject());
    }

    @Test
    void badInputsGetOneLineMessages(@TempDir Path dir) throws Exception {
        Run format = keysmith("estimate", SESSIONS.toString(), "--format", "pdf");
        assertEquals(1, format.status());
        assertEquals(
                "keysmith estimate: unknown --format 'pdf': use text, json, csv or markdown",
                format.err().strip());
        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{ not json");
        Run broken = keysmith("estimate", SESSIONS.toString(), "--prices", prices.toString());
        assertEquals(1, broken.status());
        assertEquals(1, broken.err().strip().lines().count(), broken.err());
        assertTrue(broken.err().startsWith("keysmith estimate: "), broken.err());
    }
}

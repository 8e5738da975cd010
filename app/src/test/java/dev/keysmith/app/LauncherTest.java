package dev.keysmith.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.app.testutil.TestVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LauncherTest {
    private final AtomicInteger workbenchStarts = new AtomicInteger();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = Launcher.commandLine(workbenchStarts::incrementAndGet);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void version_printsKeysmithAndTheProjectVersion_andExitsZero() {
        int exitCode = run("--version");

        assertEquals(0, exitCode);
        assertEquals("keysmith " + TestVersion.expected(), out.toString().strip());
        assertEquals(0, workbenchStarts.get());
    }

    @Test
    void help_printsUsageWithTheStandardOptions_andExitsZero() {
        int exitCode = run("--help");

        assertEquals(0, exitCode);
        String usage = out.toString();
        assertTrue(usage.startsWith("Usage: keysmith"), usage);
        assertTrue(usage.contains("--help"), usage);
        assertTrue(usage.contains("--version"), usage);
        assertEquals(0, workbenchStarts.get());
    }

    @Test
    void noArguments_startsTheWorkbench_andExitsZeroAfterwards() {
        int exitCode = run();

        assertEquals(0, exitCode);
        assertEquals(1, workbenchStarts.get());
    }

    @Test
    void unknownOption_isAUsageError_withExitCodeTwo() {
        int exitCode = run("--no-such-option");

        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
        assertTrue(err.toString().contains("Usage: keysmith"), err.toString());
        assertFalse(out.toString().contains("Usage"), out.toString());
        assertEquals(0, workbenchStarts.get());
    }

    @Test
    void unexpectedArgument_isAUsageError_withExitCodeTwo() {
        int exitCode = run("no-such-command");

        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("Unmatched argument"), err.toString());
        assertEquals(0, workbenchStarts.get());
    }
}

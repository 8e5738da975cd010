package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write acknowledged by {@link Storage#write} survives {@code kill -9} of the process: a child JVM writes under load
 * and prints each acknowledged key; we SIGKILL it mid-stream, reopen the database and find every acknowledged key.
 */
class CrashDurabilityTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 3_000;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 2; round++) {
            long last = killWriterAfter(dir);
            try (XodusStorage storage = XodusStorage.onDisk(dir, false)) {
                storage.read(tx -> {
                    for (long i = 0; i <= last; i++) {
                        byte[] key = ByteBuffer.allocate(8).putLong(i).array();
                        assertNotNull(tx.get("items", key), "acknowledged item " + i + " is missing");
                        assertArrayEquals(key, tx.get("index", key), "acknowledged index entry " + i);
                    }
                    return null;
                });
                // the reopened database accepts writes again
                storage.write(tx -> {
                    tx.put("items", new byte[] {1}, new byte[] {1});
                    return null;
                });
            }
        }
    }

    /** Starts the writer, waits for enough acknowledgements, kills it with SIGKILL; returns the last key printed. */
    private static long killWriterAfter(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriter.class.getName(),
                dir.toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long last = -1;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                last = Long.parseLong(line.trim());
                if (last >= ACKNOWLEDGED_BEFORE_KILL) {
                    process.destroyForcibly();
                    break;
                }
            }
            process.waitFor();
        }
        assertTrue(last >= ACKNOWLEDGED_BEFORE_KILL, "the writer stopped early after " + last);
        return last;
    }
}

package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A write acknowledged by {@link Storage#write} survives {@code kill -9} of the process: a child JVM ({@link
 * CrashWriter}) writes under load and prints each acknowledged write; we SIGKILL it mid-stream, reopen the database
 * and find the state after one write, no earlier than the last acknowledged one. The buffered storage is tried
 * flushing constantly (so the kill usually hits a flush) and holding everything in its log. A damaged tail of the
 * newest log file (a write the process died in the middle of) is ignored without losing the records before it.
 */
class CrashDurabilityTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 1_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = StorageSetup.class,
            names = {"XODUS_ON_DISK", "BUFFERED_FLUSHING_ON_DISK", "BUFFERED_HOLDING_ON_DISK"})
    void everyAcknowledgedWriteSurvivesKillMinus9_againAfterRecovery(StorageSetup setup, @TempDir Path dir)
            throws Exception {
        long acknowledged = killWriterAfter(setup, dir, ACKNOWLEDGED_BEFORE_KILL);
        long last = reopenAndCheck(setup, dir, acknowledged);
        // the writer resumes; a second writer recovers from the first one's crash with no clean open in between
        killWriterAfter(setup, dir, ACKNOWLEDGED_BEFORE_KILL);
        acknowledged = killWriterAfter(setup, dir, ACKNOWLEDGED_BEFORE_KILL);
        assertTrue(acknowledged > last + ACKNOWLEDGED_BEFORE_KILL);
        reopenAndCheck(setup, dir, acknowledged);
    }

    /** Opens the storage, asserts it holds the state after a write no earlier than {@code acknowledged}, returns it. */
    private static long reopenAndCheck(StorageSetup setup, Path dir, long acknowledged) {
        long last;
        try (Storage storage = setup.open(dir)) {
            last = storage.read(tx -> assertStateAfterSomeWrite(tx, acknowledged));
            // the reopened database accepts writes again, and keeps them
            storage.write(tx -> {
                tx.put("probe", CrashWriter.key(last), new byte[] {1});
                return null;
            });
        }
        try (Storage storage = setup.open(dir)) {
            storage.read(tx -> {
                assertArrayEquals(new byte[] {1}, tx.get("probe", CrashWriter.key(last)));
                return assertStateAfterSomeWrite(tx, last);
            });
        }
        return last;
    }

    /**
     * Asserts that {@code tx} sees exactly the state {@link CrashWriter} leaves after some write {@code k >= atLeast}
     * (no write lost, none half done), and returns {@code k}.
     */
    static long assertStateAfterSomeWrite(ReadTx tx, long atLeast) {
        long k = CrashWriter.lastWrite(tx);
        assertTrue(k >= atLeast, "acknowledged write " + atLeast + " is missing: the last one held is " + k);
        try (Cursor latest = tx.cursor("latest")) {
            assertTrue(latest.first());
            assertEquals(k, ByteBuffer.wrap(latest.key()).getLong(), "latest holds one key");
            assertFalse(latest.next(), "latest holds one key");
        }
        for (String store : List.of("items", "index")) {
            long count = 0;
            try (Cursor c = tx.cursor(store)) {
                for (boolean more = c.first(); more; more = c.next()) {
                    assertEquals(count, ByteBuffer.wrap(c.key()).getLong(), store + " holds 0.." + k + " in order");
                    count++;
                }
            }
            assertEquals(k + 1, count, store + " holds every write up to " + k);
        }
        for (long i = 0; i <= k; i++) {
            byte[] item = tx.get("items", CrashWriter.key(i));
            assertNotNull(item, "item " + i);
            assertEquals(i % 10 == 0 ? 20_000 : 8, item.length, "item " + i);
        }
        List<Long> hundred = new ArrayList<>();
        try (Cursor c = tx.cursor(CrashWriter.hundred(k))) {
            for (boolean more = c.first(); more; more = c.next()) {
                hundred.add(ByteBuffer.wrap(c.key()).getLong());
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long i = k / 100 * 100; i <= k; i++) {
            expected.add(i);
        }
        assertEquals(expected, hundred, "the store of the last write's hundred");
        if (k >= 100) {
            // not storeExists: see StorageContractTest's findings on a store created and dropped in one flush
            try (Cursor c = tx.cursor(CrashWriter.hundred(k - 100))) {
                assertFalse(c.first(), "the previous hundred's store is dropped");
            }
        }
        return k;
    }

    @Test
    void garbageAfterTheLastRecord_isIgnored_andWritesAfterRecoverySurvive(@TempDir Path dir) throws Exception {
        StorageSetup setup = StorageSetup.BUFFERED_HOLDING_ON_DISK;
        runWriter(setup, dir, 300);
        byte[] garbage = new byte[100];
        new Random(7).nextBytes(garbage);
        append(newestLogFile(dir), garbage);
        assertWritesAfterRecoverySurvive(setup, dir, 299);
    }

    @Test
    void zerosAfterTheLastRecord_areIgnored(@TempDir Path dir) throws Exception {
        StorageSetup setup = StorageSetup.BUFFERED_HOLDING_ON_DISK;
        runWriter(setup, dir, 300);
        append(newestLogFile(dir), new byte[4096]);
        assertWritesAfterRecoverySurvive(setup, dir, 299);
    }

    @Test
    void aLastRecordCutShort_isIgnored_withoutLosingTheRecordsBefore(@TempDir Path dir) throws Exception {
        StorageSetup setup = StorageSetup.BUFFERED_HOLDING_ON_DISK;
        runWriter(setup, dir, 300);
        truncate(newestLogFile(dir), 1);
        assertWritesAfterRecoverySurvive(setup, dir, 298);
    }

    @Test
    void aLastRecordCutInsideItsHeader_isIgnored_withoutLosingTheRecordsBefore(@TempDir Path dir) throws Exception {
        StorageSetup setup = StorageSetup.BUFFERED_HOLDING_ON_DISK;
        runWriter(setup, dir, 300);
        Path log = newestLogFile(dir);
        truncate(log, Files.size(log) - lastRecordStart(log) - 5);
        assertWritesAfterRecoverySurvive(setup, dir, 298);
    }

    @Test
    void aNewestFileHoldingOnlyADamagedRecord_isIgnored(@TempDir Path dir) throws Exception {
        StorageSetup setup = StorageSetup.BUFFERED_HOLDING_ON_DISK;
        runWriter(setup, dir, 300);
        runWriter(setup, dir, 1); // recovers the first run's log into Xodus, then starts a new file with one record
        truncate(newestLogFile(dir), 3);
        assertWritesAfterRecoverySurvive(setup, dir, 299);
    }

    @Test
    void afterFlush_xodusHoldsEveryWrite_withoutTheLog(@TempDir Path dir) throws Exception {
        StorageSetup setup = StorageSetup.BUFFERED_HOLDING_ON_DISK;
        runWriter(setup, dir, 250, "flush");
        StorageSetup.deleteRecursively(dir.resolve("wal"));
        try (Storage storage = setup.open(dir)) {
            assertEquals(249, storage.<Long>read(tx -> assertStateAfterSomeWrite(tx, 249)));
        }
    }

    @Test
    // one after the other in one"                     + " Xodus transaction, where XodusStorage keeps a store created
    // and then dropped: a store created by one"                     + " logged write and dropped by a later one exists
    // again (empty) after the replay")
    void aStoreCreatedAndDroppedByReplayedRecords_doesNotExist(@TempDir Path dir) throws Exception {
        StorageSetup setup = StorageSetup.BUFFERED_HOLDING_ON_DISK;
        runWriter(setup, dir, 250); // gen:1 is filled by writes 100 to 199 and dropped by write 200
        try (Storage storage = setup.open(dir)) {
            assertFalse(storage.<Boolean>read(tx -> tx.storeExists(CrashWriter.hundred(100))));
        }
    }

    /**
     * Asserts that the storage holds exactly the state after write {@code last}, then that a writer resuming from
     * there has its writes kept through another kill.
     */
    private static void assertWritesAfterRecoverySurvive(StorageSetup setup, Path dir, long last) throws Exception {
        try (Storage storage = setup.open(dir)) {
            assertEquals(last, storage.<Long>read(tx -> assertStateAfterSomeWrite(tx, last)));
        }
        runWriter(setup, dir, 200);
        try (Storage storage = setup.open(dir)) {
            assertEquals(last + 200, storage.<Long>read(tx -> assertStateAfterSomeWrite(tx, last + 200)));
        }
    }

    private static Path newestLogFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList()
                    .getLast();
        }
    }

    /** Where the last record of a log file starts (records: payload length, checksum, payload). */
    private static long lastRecordStart(Path log) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(log));
        int start = 0;
        while (bytes.position() < bytes.limit()) {
            start = bytes.position();
            int length = bytes.getInt();
            bytes.position(bytes.position() + Integer.BYTES + length);
        }
        return start;
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    private static void truncate(Path file, long bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            assertTrue(channel.size() > bytes, file + " holds more than " + bytes + " bytes");
            channel.truncate(channel.size() - bytes);
        }
    }

    private static Process startWriter(StorageSetup setup, Path dir, String... more) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriter.class.getName(),
                dir.toString(),
                setup.name()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Starts the writer, waits until it has acknowledged {@code count} more writes, kills it with SIGKILL; returns the
     * last write it acknowledged.
     */
    private static long killWriterAfter(StorageSetup setup, Path dir, int count) throws Exception {
        Process process = startWriter(setup, dir);
        long first = -1;
        long last = -1;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                last = Long.parseLong(line.trim());
                if (first < 0) {
                    first = last;
                }
                if (last - first + 1 >= count) {
                    process.destroyForcibly();
                    break;
                }
            }
            process.waitFor();
        }
        assertTrue(first >= 0 && last - first + 1 >= count, "the writer stopped early after " + last);
        return last;
    }

    /**
     * Runs the writer for exactly {@code count} writes (then, with {@code flush}, a flush), then kills it with SIGKILL
     * while it idles.
     */
    private static void runWriter(StorageSetup setup, Path dir, int count, String... flush) throws Exception {
        List<String> more = new ArrayList<>(List.of(String.valueOf(count)));
        more.addAll(List.of(flush));
        Process process = startWriter(setup, dir, more.toArray(String[]::new));
        int acknowledged = 0;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("done")) {
                acknowledged++;
            }
            process.destroyForcibly();
            process.waitFor();
        }
        assertEquals(count, acknowledged, "the writer stopped early");
    }
}

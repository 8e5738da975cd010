package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link BufferedStorage} adds to the {@link Storage} contract: pending bytes, flush, durable writes. */
class BufferedStorageFlushTest {

    private static byte[] s(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pendingBytesGrowWithCommits_andFlushWithNoReaderOpenBringsThemToZero() {
        try (BufferedStorage storage = BufferedStorage.inMemory(StorageSetup.HOLDING)) {
            assertEquals(0, storage.pendingBytes());
            storage.write(tx -> {
                tx.put("a", s("k"), new byte[1000]);
                return null;
            });
            long one = storage.pendingBytes();
            assertTrue(one >= 1000, "a 1000-byte value is pending: " + one);
            storage.write(tx -> {
                tx.put("a", s("k2"), new byte[1000]);
                return null;
            });
            assertTrue(storage.pendingBytes() >= one + 1000, "two are pending");
            storage.flush();
            assertEquals(0, storage.pendingBytes());
            assertEquals(1000, storage.<byte[]>read(tx -> tx.get("a", s("k2"))).length);
        }
    }

    @Test
    void anAbortedWriteLeavesNothingPending() {
        try (BufferedStorage storage = BufferedStorage.inMemory(StorageSetup.HOLDING)) {
            try {
                storage.write(tx -> {
                    tx.put("a", s("k"), new byte[1000]);
                    throw new IllegalStateException("abort");
                });
            } catch (IllegalStateException expected) {
                // the write is aborted
            }
            assertEquals(0, storage.pendingBytes());
        }
    }

    @Test
    void durableWritesSurviveCloseAndReopen(@TempDir Path dir) {
        try (BufferedStorage storage = BufferedStorage.onDisk(dir, true, StorageSetup.HOLDING)) {
            storage.write(tx -> {
                tx.put("a", s("k"), s("v"));
                return null;
            });
        }
        try (BufferedStorage storage = BufferedStorage.onDisk(dir, true)) {
            assertArrayEquals(s("v"), storage.read(tx -> tx.get("a", s("k"))));
            storage.write(tx -> {
                tx.put("a", s("k2"), s("v2"));
                return null;
            });
        }
        try (BufferedStorage storage = BufferedStorage.onDisk(dir, false)) {
            assertArrayEquals(s("v2"), storage.read(tx -> tx.get("a", s("k2"))));
        }
    }
}

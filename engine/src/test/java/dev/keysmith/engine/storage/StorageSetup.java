package dev.keysmith.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The storage configurations the contract tests run against: Xodus alone, and {@link BufferedStorage} either flushing
 * to Xodus after every write or holding everything in its overlay until an explicit {@link BufferedStorage#flush()},
 * each in memory and on disk, and with so little room that writers keep waiting for the flusher.
 */
enum StorageSetup {
    XODUS_IN_MEMORY,
    XODUS_ON_DISK,
    BUFFERED_FLUSHING_IN_MEMORY,
    BUFFERED_HOLDING_IN_MEMORY,
    BUFFERED_FLUSHING_ON_DISK,
    BUFFERED_HOLDING_ON_DISK,
    BUFFERED_TIGHT_IN_MEMORY;

    /** Flushes as soon as anything is pending. */
    static final BufferedStorage.Limits FLUSHING = new BufferedStorage.Limits(1, 1 << 20, Duration.ofMillis(1));

    /** Never flushes by itself within a test's lifetime. */
    static final BufferedStorage.Limits HOLDING =
            new BufferedStorage.Limits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, Duration.ofDays(1));

    /** Flushes from 1 KiB pending; writers wait above 4 KiB. */
    static final BufferedStorage.Limits TIGHT = new BufferedStorage.Limits(1 << 10, 4 << 10, Duration.ofMillis(1));

    boolean onDisk() {
        return switch (this) {
            case XODUS_ON_DISK, BUFFERED_FLUSHING_ON_DISK, BUFFERED_HOLDING_ON_DISK -> true;
            case XODUS_IN_MEMORY, BUFFERED_FLUSHING_IN_MEMORY, BUFFERED_HOLDING_IN_MEMORY, BUFFERED_TIGHT_IN_MEMORY ->
                false;
        };
    }

    /** Opens the storage; an on-disk one in {@code dir}, where reopening finds what was written before. */
    Storage open(Path dir) {
        return switch (this) {
            case XODUS_IN_MEMORY -> XodusStorage.inMemory();
            case XODUS_ON_DISK -> XodusStorage.onDisk(dir, false);
            case BUFFERED_FLUSHING_IN_MEMORY -> BufferedStorage.inMemory(FLUSHING);
            case BUFFERED_HOLDING_IN_MEMORY -> BufferedStorage.inMemory(HOLDING);
            case BUFFERED_FLUSHING_ON_DISK -> BufferedStorage.onDisk(dir, false, FLUSHING);
            case BUFFERED_HOLDING_ON_DISK -> BufferedStorage.onDisk(dir, false, HOLDING);
            case BUFFERED_TIGHT_IN_MEMORY -> BufferedStorage.inMemory(TIGHT);
        };
    }

    /** Applies a buffered storage's pending changes to Xodus; nothing to do for Xodus alone. */
    static void flush(Storage storage) {
        if (storage instanceof BufferedStorage buffered) {
            buffered.flush();
        }
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("keysmith-storage-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

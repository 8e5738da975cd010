package dev.keysmith.modeler.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The single-writer lock of a project: an operating-system lock ({@link FileChannel#tryLock}) on a sidecar file
 * {@code <project>.lock} holding the owner's pid. The operating system releases the lock when the owner exits,
 * including on {@code kill -9}, so a lock left by a dead process is simply taken over; the pid is only for the message.
 *
 * <p>Why a sidecar file rather than SQLite's own locks: a {@code BEGIN IMMEDIATE} held for the whole session would
 * turn every save into part of one transaction that never commits, and {@code locking_mode=EXCLUSIVE} shuts out
 * read-only viewers too; locking a byte range of the database file itself from Java would interfere with SQLite's POSIX
 * locks (closing any descriptor of a file drops all of a process's locks on it). SQLite still guards the file's
 * consistency between processes (WAL mode, so a read-only viewer can read while the owner saves); this lock only keeps
 * a second writer out. The lock region lies past the file's content, so other processes can read the pid even on
 * Windows, where byte-range locks are mandatory. Within one JVM a registry refuses a second opener without touching
 * the lock file (opening and closing it would drop the owner's lock on POSIX systems).
 */
final class ProjectLock implements AutoCloseable {

    private static final long LOCK_POSITION = 4096;
    private static final int MAX_ATTEMPTS = 5;
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(Path key, Path lockFile, FileChannel channel, FileLock lock) {
        this.key = key;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path project) {
        return project.resolveSibling(project.getFileName() + ".lock");
    }

    /** Takes the lock or throws {@link ProjectLockedException} naming the holder's pid. */
    static ProjectLock acquire(Path project) throws ProjectFileException {
        Path key = OpenProjects.key(project);
        if (!HELD_IN_THIS_PROCESS.add(key)) {
            throw new ProjectLockedException(
                    project, OptionalLong.of(ProcessHandle.current().pid()));
        }
        try {
            return acquireFile(project, key);
        } catch (ProjectFileException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(key);
            throw e;
        }
    }

    private static ProjectLock acquireFile(Path project, Path key) throws ProjectFileException {
        Path lockFile = lockFileOf(project);
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Optional<FileIdentity> before = FileIdentity.of(lockFile);
                if (before.isEmpty()) {
                    createIfMissing(lockFile);
                    continue;
                }
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock(LOCK_POSITION, 1, false);
                if (lock == null) {
                    channel.close();
                    throw new ProjectLockedException(project, readPid(lockFile));
                }
                // A previous owner deletes the lock file while still holding its lock. If that happened between our
                // look at the file and our tryLock, we now hold a lock on an unlinked file: look again and retry.
                if (before.equals(FileIdentity.of(lockFile))) {
                    channel.truncate(0);
                    channel.write(
                            ByteBuffer.wrap(
                                    ("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                            0);
                    channel.force(false);
                    return new ProjectLock(key, lockFile, channel, lock);
                }
                lock.release();
                channel.close();
            }
            throw new IOException("the lock file " + lockFile + " keeps changing");
        } catch (ProjectFileException e) {
            throw e;
        } catch (IOException e) {
            throw ProjectFileException.io(project, "lock", e);
        }
    }

    private static void createIfMissing(Path lockFile) throws IOException {
        try {
            Files.createFile(lockFile);
        } catch (FileAlreadyExistsException e) {
            // Another opener created it first: fine, the lock decides.
        }
    }

    /**
     * What identifies a file on disk, read without opening it (opening and closing a file would drop this process's
     * POSIX locks on it). Where the platform has no file keys, every existing file has the same identity.
     */
    private record FileIdentity(@Nullable Object fileKey) {
        static Optional<FileIdentity> of(Path file) {
            try {
                return Optional.of(new FileIdentity(
                        Files.readAttributes(file, BasicFileAttributes.class).fileKey()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private static OptionalLong readPid(Path lockFile) {
        for (String line : readLockFile(lockFile).split("\n")) {
            if (line.startsWith("pid=")) {
                try {
                    return OptionalLong.of(Long.parseLong(line.substring(4).trim()));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static String readLockFile(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Deletes the lock file while still holding the lock, then releases it. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // Left behind: the next opener takes over an unlocked lock file.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case.
        } finally {
            HELD_IN_THIS_PROCESS.remove(key);
        }
    }
}

package dev.keysmith.engine.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A write-ahead-logged write buffer in front of {@link XodusStorage}. A commit is acknowledged once its record is
 * appended to the log (one write to the operating system, forced to the disk with {@code durableWrites}) and its
 * changes are published in the {@link Overlay}; a background flusher writes the overlay to Xodus in large transactions,
 * in key order, and on open the log records Xodus does not hold yet are replayed. A Xodus commit rewrites the tree
 * paths and the store directory it touches, which costs about as much for one item as for hundreds: batching them
 * makes single writes several times faster and bulk loads faster still.
 *
 * <p>Reads see the overlay as of their commit sequence number over a Xodus snapshot ({@link SnapshotTx}); write
 * transactions hold their changes in a {@link TxBuffer} over the newest snapshot and commit in groups ({@link
 * GroupCommit}). The overlay forgets a version only once Xodus holds it and every reader's Xodus snapshot does: readers
 * register the flush mark they started from. Writers wait while the overlay holds more than {@link Limits#maxBytes}.
 */
public final class BufferedStorage implements Storage {
    /**
     * When the flusher runs: once {@code flushAtBytes} are waiting, or {@code flushDelay} after a write; writers wait
     * while more than {@code maxBytes} are waiting.
     */
    public record Limits(long flushAtBytes, long maxBytes, Duration flushDelay) {
        public static final Limits DEFAULT = new Limits(16L << 20, 128L << 20, Duration.ofMillis(100));
    }

    private static final long FAILED_FLUSH_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final XodusStorage base;
    private final @Nullable WriteLog log;
    private final Limits limits;
    private final Overlay overlay = new Overlay();
    private final GroupCommit group = new GroupCommit(this::runInTransaction);
    /** The flush mark each open transaction started from; the overlay keeps what the oldest of them needs. */
    private final Map<Object, Long> readers = new ConcurrentHashMap<>();
    /** The commits not yet in Xodus, oldest first. Guarded by the commit lock. */
    private final Deque<Commit> unflushedCommits = new ArrayDeque<>();
    /** Bytes of the commits not yet in Xodus. */
    private final AtomicLong unflushed = new AtomicLong();

    /** A commit's sequence number and the bytes it added to the overlay. */
    private record Commit(long seq, long bytes) {}

    private final ReentrantLock flushLock = new ReentrantLock();
    private final Object room = new Object();
    private final Thread flusher;

    /** The newest committed sequence number. */
    private volatile long committed;
    /** The newest sequence number Xodus holds. */
    private volatile long flushed;
    /** The overlay holds nothing at or before this sequence number. */
    private volatile long pruned;

    /** When the oldest change the flusher has not handled was made ({@link System#nanoTime}). */
    private volatile long dirtySince;

    private volatile boolean closed;
    private volatile @Nullable RuntimeException flushFailure;

    private BufferedStorage(XodusStorage base, @Nullable WriteLog log, long seq, Limits limits) {
        this.base = base;
        this.log = log;
        this.limits = limits;
        this.committed = seq;
        this.flushed = seq;
        this.pruned = seq;
        this.flusher = Thread.ofPlatform().name("keysmith-flusher").daemon().unstarted(this::flushLoop);
        flusher.start();
    }

    /** Opens (or creates) the database in {@code dir}, replaying its log; Xodus files there, the log in dir/wal. */
    public static BufferedStorage onDisk(Path dir, boolean durableWrites) {
        return onDisk(dir, durableWrites, Limits.DEFAULT);
    }

    public static BufferedStorage onDisk(Path dir, boolean durableWrites, Limits limits) {
        XodusStorage base = XodusStorage.onDisk(dir, durableWrites);
        try {
            long mark = base.read(SnapshotTx::mark);
            Replay replay = new Replay(base, mark);
            WriteLog.Opened opened = WriteLog.open(dir.resolve("wal"), durableWrites, mark, replay::add);
            replay.finish();
            opened.log().deleteUpTo(opened.lastSeq());
            return new BufferedStorage(base, opened.log(), opened.lastSeq(), limits);
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }

    /** A database held in memory only; it vanishes on {@link #close()}. */
    public static BufferedStorage inMemory() {
        return inMemory(Limits.DEFAULT);
    }

    public static BufferedStorage inMemory(Limits limits) {
        return new BufferedStorage(XodusStorage.inMemory(), null, 0, limits);
    }

    /** Replays log records into the base in transactions of up to {@link #BATCH_BYTES}. */
    private static final class Replay {
        private static final long BATCH_BYTES = 16L << 20;
        private final XodusStorage base;
        private final List<Map<String, StoreChange>> batch = new ArrayList<>();
        private final Set<String> touched = new HashSet<>();
        private long batchBytes;
        private long last;

        Replay(XodusStorage base, long mark) {
            this.base = base;
            this.last = mark;
        }

        void add(long seq, Map<String, StoreChange> changes) {
            // Xodus cannot drop a store created in the same transaction: such a drop starts a new one
            if (changes.entrySet().stream().anyMatch(c -> c.getValue().dropped && touched.contains(c.getKey()))) {
                finish();
            }
            touched.addAll(changes.keySet());
            batch.add(changes);
            last = seq;
            for (StoreChange change : changes.values()) {
                for (var e : change.entries.entrySet()) {
                    batchBytes += e.getKey().length + e.getValue().length;
                }
            }
            if (batchBytes >= BATCH_BYTES) {
                finish();
            }
        }

        void finish() {
            if (batch.isEmpty()) {
                return;
            }
            base.write(tx -> {
                for (Map<String, StoreChange> changes : batch) {
                    changes.forEach((store, change) -> change.applyTo(tx, store));
                }
                SnapshotTx.setMark(tx, last);
                return null;
            });
            batch.clear();
            touched.clear();
            batchBytes = 0;
        }
    }

    @Override
    public <T> T read(Function<ReadTx, T> work) {
        return inSnapshot(work::apply);
    }

    /**
     * Runs {@code work} on the newest committed state, registered as a reader so that the overlay keeps what its Xodus
     * snapshot lacks.
     */
    private <T> T inSnapshot(Function<SnapshotTx, T> work) {
        Object reader = new Object();
        readers.put(reader, flushed);
        try {
            // the sequence number is read after the Xodus snapshot opens, so that snapshot holds nothing newer
            return base.read(tx -> work.apply(new SnapshotTx(overlay, committed, tx)));
        } finally {
            readers.remove(reader);
        }
    }

    @Override
    public <T> T write(Function<WriteTx, T> work) {
        awaitRoom();
        return group.write(work);
    }

    /** One transaction of {@link GroupCommit}: buffered over the newest snapshot, then logged and published. */
    private void runInTransaction(Consumer<GroupCommit.TrackedTx> body) {
        if (closed) {
            throw new StorageException("The database is closed");
        }
        TxBuffer tx = inSnapshot(snapshot -> {
            TxBuffer buffer = new TxBuffer(snapshot);
            body.accept(buffer);
            return buffer;
        });
        if (tx.isEmpty()) {
            return;
        }
        long seq = committed + 1;
        if (log != null) {
            log.append(seq, tx.changes());
        }
        long added = overlay.publish(seq, tx.changes());
        unflushedCommits.add(new Commit(seq, added));
        unflushed.addAndGet(added);
        boolean wasClean = seq - 1 == flushed;
        if (wasClean) {
            dirtySince = System.nanoTime();
        }
        committed = seq;
        if (wasClean || unflushed.get() >= limits.flushAtBytes()) {
            LockSupport.unpark(flusher);
        }
    }

    /**
     * Waits while more than {@link Limits#maxBytes} are not in Xodus yet; fails if the flusher cannot write to Xodus.
     * Versions that Xodus holds but an open reader still needs do not count: a reader may wait for a write.
     */
    private void awaitRoom() {
        if (unflushed.get() <= limits.maxBytes()) {
            return;
        }
        synchronized (room) {
            while (unflushed.get() > limits.maxBytes()) {
                RuntimeException failure = flushFailure;
                if (failure != null) {
                    throw new StorageException("Cannot write to the database: " + failure.getMessage(), failure);
                }
                if (closed) {
                    throw new StorageException("The database is closed");
                }
                LockSupport.unpark(flusher);
                try {
                    room.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StorageException("Interrupted while waiting for the database to take more writes", e);
                }
            }
        }
    }

    private void flushLoop() {
        while (!closed) {
            if (committed == flushed && pruned == flushed) {
                LockSupport.park(this);
                continue;
            }
            long wait = dirtySince + limits.flushDelay().toNanos() - System.nanoTime();
            if (wait > 0 && unflushed.get() < limits.flushAtBytes()) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            try {
                flush();
                flushFailure = null;
            } catch (RuntimeException e) {
                flushFailure = e;
                synchronized (room) {
                    room.notifyAll();
                }
                LockSupport.parkNanos(this, FAILED_FLUSH_PAUSE_NANOS);
            }
            // what is still waiting (newer writes, versions a reader keeps) waits a full delay
            dirtySince = System.nanoTime();
        }
    }

    /** Writes every change committed so far to Xodus and waits until it is there. */
    public void flush() {
        flushLock.lock();
        try {
            long upTo;
            ReentrantLock commitLock = group.commitLock();
            commitLock.lock();
            try {
                upTo = committed;
                if (upTo > flushed && log != null) {
                    log.rotate(upTo + 1);
                }
            } finally {
                commitLock.unlock();
            }
            long from = flushed;
            if (upTo > from) {
                base.write(tx -> {
                    overlay.applyTo(tx, from, upTo);
                    SnapshotTx.setMark(tx, upTo);
                    return null;
                });
                flushed = upTo;
                commitLock.lock();
                try {
                    while (!unflushedCommits.isEmpty()
                            && unflushedCommits.peek().seq() <= upTo) {
                        unflushed.addAndGet(-unflushedCommits.poll().bytes());
                    }
                } finally {
                    commitLock.unlock();
                }
            }
            long keep = upTo;
            for (long mark : readers.values()) {
                keep = Math.min(keep, mark);
            }
            if (keep > pruned) {
                overlay.prune(keep, commitLock);
                pruned = keep;
            }
            if (log != null) {
                log.deleteUpTo(upTo);
            }
        } finally {
            flushLock.unlock();
        }
        synchronized (room) {
            room.notifyAll();
        }
    }

    /** Bytes of committed changes not yet forgotten by the overlay (an estimate of its memory). */
    public long pendingBytes() {
        return overlay.bytes();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        // a commit under way finishes first; later ones find the storage closed
        group.commitLock().lock();
        try {
            closed = true;
        } finally {
            group.commitLock().unlock();
        }
        LockSupport.unpark(flusher);
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean empty = false;
        try {
            flush();
            empty = committed == flushed;
        } finally {
            try {
                if (log != null) {
                    log.close(empty);
                }
            } finally {
                base.close();
            }
        }
    }
}

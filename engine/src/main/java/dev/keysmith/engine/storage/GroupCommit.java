package dev.keysmith.engine.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Group commit for a storage whose write transactions run one at a time: the calling thread queues its work, then
 * whichever writer holds the commit lock runs every queued work (up to {@link #MAX_GROUP}) in one transaction, in queue
 * order, and commits them together, so many callers share one commit and one log flush. Each caller returns only once
 * its own work is committed, with its own result or exception.
 *
 * <p>A work that fails before writing anything fails alone. One that fails after writing spoils the group's
 * transaction, so the group is rolled back and each of its works runs again in a transaction of its own (the {@link
 * Storage#write} contract allows a second run).
 */
final class GroupCommit {
    /** The most writes committed in one transaction. */
    static final int MAX_GROUP = 64;

    /** A write transaction that knows whether the current work changed anything. */
    abstract static class TrackedTx implements WriteTx {
        /** Set by the transaction's changes. */
        protected boolean changed;

        final boolean wrote() {
            return changed;
        }

        final void resetWrote() {
            changed = false;
        }
    }

    /** The storage's transactions. */
    interface Transactions {
        /**
         * Opens a write transaction, passes it to {@code body} and commits it when {@code body} returns. An exception
         * from {@code body} aborts the transaction and propagates unchanged; the storage's own failures are thrown as
         * {@link StorageException}.
         */
        void run(Consumer<TrackedTx> body);
    }

    private final Transactions transactions;
    private final ThreadLocal<Boolean> inWrite = ThreadLocal.withInitial(() -> false);
    private final ReentrantLock commitLock = new ReentrantLock();
    private final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong commits = new AtomicLong();

    GroupCommit(Transactions transactions) {
        this.transactions = transactions;
    }

    <T> T write(Function<WriteTx, T> work) {
        if (inWrite.get()) {
            throw new IllegalStateException("A write transaction is already open on this thread");
        }
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        commitLock.lock();
        inWrite.set(true);
        try {
            while (!pending.done) {
                commitGroup();
            }
        } finally {
            inWrite.set(false);
            commitLock.unlock();
        }
        return pending.outcome();
    }

    /** The lock every commit holds; others may hold it to keep commits out for a moment. */
    ReentrantLock commitLock() {
        return commitLock;
    }

    /** Write transactions committed so far (a group counts once). */
    long commits() {
        return commits.get();
    }

    /** Writes waiting for the commit lock. */
    int queued() {
        return queue.size();
    }

    private void commitGroup() {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> next; group.size() < MAX_GROUP && (next = queue.poll()) != null; ) {
            group.add(next);
        }
        if (group.size() == 1) {
            runAlone(group.getFirst());
            return;
        }
        try {
            transactions.run(tx -> {
                for (Pending<?> p : group) {
                    tx.resetWrote();
                    try {
                        p.run(tx);
                    } catch (RuntimeException e) {
                        if (tx.wrote()) {
                            throw new Regroup();
                        }
                        p.failure = e;
                    } catch (Error e) {
                        throw new Regroup();
                    }
                }
            });
        } catch (Regroup e) {
            group.forEach(this::runAlone);
            return;
        } catch (RuntimeException e) {
            group.forEach(p -> p.finish(e));
            return;
        }
        commits.incrementAndGet();
        group.forEach(p -> p.finish(p.failure));
    }

    /** Runs one work in a transaction of its own. */
    private void runAlone(Pending<?> p) {
        p.failure = null;
        try {
            transactions.run(p::run);
            commits.incrementAndGet();
            p.finish(null);
        } catch (RuntimeException | Error e) {
            p.finish(e);
        }
    }

    /** A queued write and, once {@link #done}, its outcome. Guarded by the commit lock. */
    private static final class Pending<T> {
        private final Function<WriteTx, T> work;
        private @Nullable T result;
        private @Nullable Throwable failure;
        private boolean done;

        Pending(Function<WriteTx, T> work) {
            this.work = work;
        }

        void run(WriteTx tx) {
            result = work.apply(tx);
        }

        void finish(@Nullable Throwable outcome) {
            failure = outcome;
            done = true;
        }

        T outcome() {
            return switch (failure) {
                case null -> result;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failure);
            };
        }
    }

    /** Thrown out of a group's transaction to roll it back when a work failed after writing. */
    private static final class Regroup extends RuntimeException {
        Regroup() {
            super(null, null, false, false);
        }
    }
}

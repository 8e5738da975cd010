package dev.keysmith.engine.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.ExodusException;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.EnvironmentConfig;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;
import jetbrains.exodus.io.DataReaderWriterProvider;
import org.jspecify.annotations.Nullable;

/**
 * {@link Storage} on a Xodus environment. Stores have no duplicates and cursors walk keys in unsigned byte order both
 * ways. Item and index stores (names starting {@code t:} and {@code i:}) are Patricia trees ({@link
 * StoreConfig#WITHOUT_DUPLICATES_WITH_PREFIXING}), which Xodus recommends for random access and which measured 1.8x
 * faster than B+trees for batch loads here; their keys are prefix-free by construction (every encoded key component
 * is self-delimiting), which Patricia's reverse iteration needs: it visits a key that is a prefix of another before
 * that other. Every other store is a B+tree ({@link StoreConfig#WITHOUT_DUPLICATES}).
 *
 * <p>Writes run in Xodus exclusive transactions (one at a time, never replayed because of a conflict). Writes that
 * arrive together are committed together ({@link GroupCommit}): one transaction and one log flush for many callers,
 * each of which returns only once its write is committed. A commit is written to the operating system
 * before {@link #write} returns, so it survives the death of the process ({@code kill -9}); with {@code durableWrites}
 * it is also forced to the disk ({@code fsync}), so it survives a power cut.
 */
public final class XodusStorage implements Storage {
    /** The tree type of a store: Patricia for the prefix-free item and index stores, B+tree for the rest. */
    static StoreConfig storeConfig(String name) {
        return name.startsWith("t:") || name.startsWith("i:")
                ? StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING
                : StoreConfig.WITHOUT_DUPLICATES;
    }

    private static final long LOG_FILE_KB = 8 * 1024;
    private static final int GC_FILE_MIN_AGE = 16;

    private final Environment env;
    /** Handles of stores known to exist in a committed state. Store names are never reused after a drop. */
    private final Map<String, Store> stores = new ConcurrentHashMap<>();

    private final GroupCommit group = new GroupCommit(this::runInTransaction);
    /** Committed transactions that dropped stores; see {@link Tx#existing}. */
    private final AtomicLong drops = new AtomicLong();

    private XodusStorage(Environment env) {
        this.env = env;
    }

    /** Opens (or creates) the database in {@code dir}. */
    public static XodusStorage onDisk(Path dir, boolean durableWrites) {
        try {
            Files.createDirectories(dir);
            return new XodusStorage(Environments.newInstance(dir.toFile(), config(durableWrites)));
        } catch (java.io.IOException | ExodusException e) {
            throw new StorageException("Cannot open the database in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A database held in memory only (Xodus's in-memory log); it vanishes on {@link #close()}. */
    public static XodusStorage inMemory() {
        EnvironmentConfig config =
                config(false).setLogDataReaderWriterProvider(DataReaderWriterProvider.IN_MEMORY_READER_WRITER_PROVIDER);
        return new XodusStorage(Environments.newInstance("keysmith-in-memory-" + java.util.UUID.randomUUID(), config));
    }

    private static EnvironmentConfig config(boolean durableWrites) {
        return new EnvironmentConfig()
                .setLogDurableWrite(durableWrites)
                .setLogFileSize(LOG_FILE_KB)
                .setEnvGatherStatistics(false)
                // The cleaner leaves the newest files alone (Xodus's default: 2), where the garbage of copy-on-write
                // tree paths is still being made: a 150,000-item load spent about 10% less CPU with 16.
                .setGcFileMinAge(GC_FILE_MIN_AGE)
                .setEnvCloseForcedly(true)
                // the engine never keeps a transaction open across calls; no need for the monitoring thread
                .setEnvMonitorTxnsTimeout(0)
                .setManagementEnabled(false);
    }

    @Override
    public <T> T read(Function<ReadTx, T> work) {
        try {
            long epoch = drops.get(); // before the snapshot: see Tx#existing
            return env.computeInReadonlyTransaction(txn -> work.apply(new Tx(txn, epoch)));
        } catch (ExodusException e) {
            throw new StorageException("Read transaction failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} with others that arrive together in one exclusive transaction; see {@link GroupCommit}. */
    @Override
    public <T> T write(Function<WriteTx, T> work) {
        return group.write(work);
    }

    private void runInTransaction(Consumer<GroupCommit.TrackedTx> body) {
        Tx[] tx = new Tx[1];
        try {
            env.executeInExclusiveTransaction(txn -> {
                tx[0] = new Tx(txn, drops.get());
                body.accept(tx[0]);
            });
        } catch (ExodusException e) {
            throw new StorageException("Write transaction failed: " + e.getMessage(), e);
        }
        tx[0].committed();
    }

    /** Write transactions committed so far (a group counts once). */
    long commits() {
        return group.commits();
    }

    /** Writes waiting for the commit lock. */
    int queued() {
        return group.queued();
    }

    @Override
    public void close() {
        try {
            env.close();
        } catch (ExodusException e) {
            throw new StorageException("Cannot close the database: " + e.getMessage(), e);
        }
    }

    private static ArrayByteIterable bytes(byte[] b) {
        return new ArrayByteIterable(b);
    }

    static byte[] array(ByteIterable it) {
        byte[] raw = it.getBytesUnsafe();
        int length = it.getLength();
        return raw.length == length ? raw.clone() : java.util.Arrays.copyOf(raw, length);
    }

    /** One transaction; as a write transaction it remembers the stores it created or dropped until the commit. */
    private final class Tx extends GroupCommit.TrackedTx {
        private final Transaction txn;
        private @Nullable Map<String, Store> created;
        private @Nullable Set<String> dropped;

        /** The number of transactions that had dropped stores when this one's snapshot was taken, or before. */
        private final long epoch;

        Tx(Transaction txn, long epoch) {
            this.txn = txn;
            this.epoch = epoch;
        }

        /** The store if it exists in this transaction's view, else null. */
        private @Nullable Store existing(String name) {
            if (dropped != null && dropped.contains(name)) {
                return null;
            }
            if (created != null) {
                Store own = created.get(name);
                if (own != null) {
                    return own;
                }
            }
            // a handle cached after a drop this snapshot predates may be of the store's next incarnation
            Store cached = stores.get(name);
            if (cached != null && drops.get() == epoch) {
                return cached;
            }
            Store opened = env.openStore(name, storeConfig(name), txn, false);
            if (opened != null) {
                // it exists in a committed state (stores this transaction created are in `created` above); a
                // snapshot older than a drop may not cache it, or everyone after would see the dropped store
                stores.put(name, opened);
                if (drops.get() != epoch) {
                    stores.remove(name, opened);
                }
            }
            return opened;
        }

        private Store forWrite(String name) {
            Store store = existing(name);
            if (store != null) {
                return store;
            }
            Store opened = env.openStore(name, storeConfig(name), txn, true);
            if (dropped != null && dropped.contains(name)) {
                // Xodus reopens a store removed in the same transaction with its old entries: empty it
                env.truncateStore(name, txn);
                opened = env.openStore(name, storeConfig(name), txn, true);
            }
            if (created == null) {
                created = new HashMap<>();
            }
            created.put(name, opened);
            if (dropped != null) {
                dropped.remove(name);
            }
            return opened;
        }

        void committed() {
            if (dropped != null) {
                drops.incrementAndGet(); // before the cache changes: see existing
                dropped.forEach(stores::remove);
            }
            if (created != null) {
                stores.putAll(created);
            }
        }

        @Override
        public byte @Nullable [] get(String store, byte[] key) {
            Store s = existing(store);
            if (s == null) {
                return null;
            }
            ByteIterable value = s.get(txn, bytes(key));
            return value == null ? null : array(value);
        }

        @Override
        public Cursor cursor(String store) {
            Store s = existing(store);
            return s == null ? EmptyCursor.INSTANCE : new XodusCursor(s, txn);
        }

        @Override
        public boolean storeExists(String store) {
            if (dropped != null && dropped.contains(store)) {
                return false;
            }
            // asked of this transaction's snapshot: the cache of handles also knows stores created after it
            return (created != null && created.containsKey(store)) || env.storeExists(store, txn);
        }

        @Override
        public void put(String store, byte[] key, byte[] value) {
            changed = true;
            forWrite(store).put(txn, bytes(key), bytes(value));
        }

        @Override
        public boolean delete(String store, byte[] key) {
            Store s = existing(store);
            if (s != null && s.delete(txn, bytes(key))) {
                changed = true;
                return true;
            }
            return false;
        }

        @Override
        public void dropStore(String store) {
            if (existing(store) == null) {
                return;
            }
            changed = true;
            if (created != null && created.remove(store) != null) {
                // Xodus cannot remove a store created in the same transaction: it is emptied and stays
                env.truncateStore(store, txn);
            }
            env.removeStore(store, txn);
            if (dropped == null) {
                dropped = new HashSet<>();
            }
            dropped.add(store);
        }
    }
}

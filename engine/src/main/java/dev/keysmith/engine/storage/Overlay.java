package dev.keysmith.engine.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * The committed changes {@link BufferedStorage} has not yet written to its base storage, by store, multi-versioned by
 * commit sequence number so that every reader sees the snapshot of its own sequence number. Each key keeps a chain of
 * versions, newest first; each store keeps the events that dropped or created it.
 *
 * <p>Commits {@link #publish} under the commit lock, in sequence order. Once the base holds everything up to a
 * sequence number and no reader's base snapshot is older than it, {@link #prune} forgets the versions and events up to
 * it: every reader then finds them in the base.
 */
final class Overlay {
    /**
     * One committed value ({@link Layer#TOMBSTONE} if deleted) and the older versions of the key. Compared by identity:
     * the skip list replaces a chain only if it is still the one a writer or the pruner read.
     */
    static final class Version {
        private final long seq;
        private final byte[] value;
        private final @Nullable Version older;

        Version(long seq, byte[] value, @Nullable Version older) {
            this.seq = seq;
            this.value = value;
            this.older = older;
        }

        long seq() {
            return seq;
        }

        byte[] value() {
            return value;
        }

        @Nullable
        Version older() {
            return older;
        }
    }

    /** A commit that dropped the store (hiding everything before it) or created it; {@code exists} is the outcome. */
    record Event(long seq, boolean dropped, boolean exists) {}

    /** Bytes a version costs beyond its key and value: the skip-list node, the chain link, the record. */
    private static final int VERSION_OVERHEAD = 96;

    /** One store's versions and events. */
    static final class StoreVersions {
        final ConcurrentSkipListMap<byte[], Version> entries = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
        /** Oldest first; replaced (never changed in place) under the commit lock. */
        volatile List<Event> events = List.of();

        /** The newest event at or before {@code seq}, or null. */
        @Nullable
        Event eventAt(long seq) {
            List<Event> all = events;
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).seq() <= seq) {
                    return all.get(i);
                }
            }
            return null;
        }

        /** The sequence number of the newest drop at or before {@code seq}, or -1. */
        long dropAt(long seq) {
            List<Event> all = events;
            for (int i = all.size() - 1; i >= 0; i--) {
                Event e = all.get(i);
                if (e.seq() <= seq && e.dropped()) {
                    return e.seq();
                }
            }
            return -1;
        }
    }

    private final Map<String, StoreVersions> stores = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** The store's versions, or null if the overlay holds nothing of it. */
    @Nullable
    StoreVersions store(String name) {
        return stores.get(name);
    }

    /** An estimate of the memory the overlay holds. */
    long bytes() {
        return bytes.get();
    }

    /**
     * Publishes a commit's changes under {@code seq}; the caller holds the commit lock and publishes in order. Returns
     * the bytes added.
     */
    long publish(long seq, Map<String, StoreChange> changes) {
        long added = 0;
        for (var c : changes.entrySet()) {
            StoreChange change = c.getValue();
            StoreVersions versions = stores.computeIfAbsent(c.getKey(), n -> new StoreVersions());
            if (change.changesExistence()) {
                List<Event> events = new ArrayList<>(versions.events);
                events.add(new Event(seq, change.dropped, Boolean.TRUE.equals(change.exists)));
                versions.events = List.copyOf(events);
            }
            for (var e : change.entries.entrySet()) {
                byte[] key = e.getKey();
                byte[] value = e.getValue();
                Version only = new Version(seq, value, null);
                // one search for a new key; the pruner may remove a chain meanwhile, hence the loop
                for (Version older; (older = versions.entries.putIfAbsent(key, only)) != null; ) {
                    if (versions.entries.replace(key, older, new Version(seq, value, older))) {
                        break;
                    }
                }
                added += key.length + value.length + VERSION_OVERHEAD;
            }
        }
        bytes.addAndGet(added);
        return added;
    }

    /**
     * Writes to {@code base} every change with a sequence number after {@code from} and up to {@code to}: the base then
     * holds the state of {@code to}.
     */
    void applyTo(WriteTx base, long from, long to) {
        for (var s : stores.entrySet()) {
            String name = s.getKey();
            StoreVersions versions = s.getValue();
            Event last = versions.eventAt(to);
            long drop = versions.dropAt(to);
            if (drop > from) {
                base.dropStore(name);
            }
            for (var e : versions.entries.entrySet()) {
                Version v = e.getValue();
                while (v != null && v.seq() > to) {
                    v = v.older();
                }
                if (v == null || v.seq() <= from || v.seq() < drop) {
                    continue;
                }
                StoreChange.write(base, name, e.getKey(), v.value());
            }
            if (last != null && last.seq() > from && last.exists() && !base.storeExists(name)) {
                StoreChange.createEmpty(base, name);
            }
        }
    }

    /**
     * Forgets every version and event at or before {@code upTo}, which the base holds and no reader needs from here.
     * Takes {@code commitLock} only briefly, to drop events and emptied stores.
     */
    void prune(long upTo, Lock commitLock) {
        long freed = 0;
        for (StoreVersions versions : stores.values()) {
            for (var e : versions.entries.entrySet()) {
                freed += prune(versions.entries, e.getKey(), e.getValue(), upTo);
            }
        }
        bytes.addAndGet(-freed);
        commitLock.lock();
        try {
            for (var s : stores.entrySet()) {
                StoreVersions versions = s.getValue();
                List<Event> events = versions.events;
                if (!events.isEmpty() && events.getFirst().seq() <= upTo) {
                    versions.events =
                            events.stream().filter(e -> e.seq() > upTo).toList();
                }
                if (versions.entries.isEmpty() && versions.events.isEmpty()) {
                    stores.remove(s.getKey());
                }
            }
        } finally {
            commitLock.unlock();
        }
    }

    /** Forgets the versions of {@code key} at or before {@code upTo}; returns the bytes freed. */
    private static long prune(ConcurrentSkipListMap<byte[], Version> entries, byte[] key, Version chain, long upTo) {
        for (Version head = chain; head != null; head = entries.get(key)) {
            // versions are newest first: keep those newer than upTo
            int keep = 0;
            Version v = head;
            for (; v != null && v.seq() > upTo; v = v.older()) {
                keep++;
            }
            if (v == null) {
                return 0;
            }
            long freed = 0;
            for (Version old = v; old != null; old = old.older()) {
                freed += key.length + old.value().length + VERSION_OVERHEAD;
            }
            boolean replaced = keep == 0 ? entries.remove(key, head) : entries.replace(key, head, copy(head, keep));
            if (replaced) {
                return freed;
            }
            // a writer added a version meanwhile: look again
        }
        return 0;
    }

    /** The first {@code count} versions of {@code chain}, as a chain of their own. */
    private static Version copy(Version chain, int count) {
        Version[] kept = new Version[count];
        Version v = chain;
        for (int i = 0; i < count; i++, v = v.older()) {
            kept[i] = v;
        }
        Version copy = null;
        for (int i = count - 1; i >= 0; i--) {
            copy = new Version(kept[i].seq(), kept[i].value(), copy);
        }
        return copy;
    }

    /** One store as a reader of sequence number {@code seq} sees the overlay. */
    static final class Snapshot implements Layer {
        private final StoreVersions versions;
        private final long seq;
        private final long drop;

        Snapshot(StoreVersions versions, long seq) {
            this.versions = versions;
            this.seq = seq;
            this.drop = versions.dropAt(seq);
        }

        /** The newest drop this reader sees, or -1. */
        long drop() {
            return drop;
        }

        @Override
        public byte @Nullable [] find(byte[] key) {
            Version v = versions.entries.get(key);
            return v == null ? null : visible(v);
        }

        private byte @Nullable [] visible(Version chain) {
            Version v = chain;
            while (v != null && v.seq() > seq) {
                v = v.older();
            }
            // a version from before the store was dropped is no longer there
            return v == null || v.seq() < drop ? null : v.value();
        }

        @Override
        public Map.@Nullable Entry<byte[], byte[]> nearest(byte @Nullable [] from, boolean inclusive, boolean forward) {
            NavigableMap<byte[], Version> all = versions.entries;
            NavigableMap<byte[], Version> range;
            if (from == null) {
                range = forward ? all : all.descendingMap();
            } else {
                range = forward
                        ? all.tailMap(from, inclusive)
                        : all.headMap(from, inclusive).descendingMap();
            }
            for (var e : range.entrySet()) {
                byte[] value = visible(e.getValue());
                if (value != null) {
                    return Map.entry(e.getKey(), value);
                }
            }
            return null;
        }
    }
}

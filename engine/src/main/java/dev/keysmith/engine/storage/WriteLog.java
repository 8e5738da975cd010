package dev.keysmith.engine.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The write-ahead log of {@link BufferedStorage}: each commit appends one record (its sequence number and its {@link
 * StoreChange}s) with a single write to the operating system, and forces it to the disk too when writes are durable.
 * The log is a series of files named by the first sequence number they may hold; the flusher starts a new file before
 * each flush and deletes the older ones once the base holds their changes.
 *
 * <p>Record: length (int) and CRC-32C (int) of the payload, then the payload: sequence number (long), store count
 * (int), and per store its name (modified UTF-8), flags (1: dropped, 2: created), entry count (int) and entries (key
 * length, key, value length or -1 for a deletion, value). A record cut short or failing its checksum at the end of the
 * newest file is a write the process died in the middle of, never acknowledged: it is ignored.
 */
final class WriteLog {
    private static final String SUFFIX = ".log";
    private static final int HEADER = 2 * Integer.BYTES;
    private static final int DROPPED = 1;
    private static final int CREATED = 2;

    private final Path dir;
    private final boolean durable;
    private final Buffer buffer = new Buffer();
    private final List<Segment> closed = new ArrayList<>();
    private @Nullable FileChannel channel;
    private @Nullable Path current;
    private boolean broken;

    private record Segment(Path file, long lastSeq) {}

    private WriteLog(Path dir, boolean durable) {
        this.dir = dir;
        this.durable = durable;
    }

    /**
     * Opens the log in {@code dir}, passes every intact record after {@code mark} to {@code replay} in order, and
     * returns the log (still holding those files until {@link #deleteUpTo}) with the newest sequence number it holds,
     * or {@code mark} if none is newer.
     */
    static Opened open(Path dir, boolean durable, long mark, BiConsumer<Long, Map<String, StoreChange>> replay) {
        try {
            Files.createDirectories(dir);
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                        .sorted()
                        .toList();
            }
            WriteLog log = new WriteLog(dir, durable);
            long last = mark;
            for (int i = 0; i < files.size(); i++) {
                last = Math.max(last, log.replayFile(files.get(i), i == files.size() - 1, mark, replay));
                log.closed.add(new Segment(files.get(i), last));
            }
            log.start(last + 1);
            // a file of that name held no intact record after `last`: it was just emptied and is the current one
            log.closed.removeIf(segment -> segment.file().equals(log.current));
            return new Opened(log, last);
        } catch (IOException e) {
            throw new StorageException("Cannot open the write-ahead log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** An opened log and the newest sequence number it held. */
    record Opened(WriteLog log, long lastSeq) {}

    private long replayFile(Path file, boolean newest, long mark, BiConsumer<Long, Map<String, StoreChange>> replay)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long last = mark;
        while (in.remaining() > 0) {
            int start = in.position();
            Map.Entry<Long, Map<String, StoreChange>> record = readRecord(in);
            if (record == null) {
                if (newest) {
                    return last;
                }
                throw new StorageException(
                        "The write-ahead log file " + file + " is damaged at byte " + start + "; it is not the newest");
            }
            if (record.getKey() > last) {
                replay.accept(record.getKey(), record.getValue());
                last = record.getKey();
            }
        }
        return last;
    }

    /** The next record, or null if what remains is not an intact record. */
    private static Map.@Nullable Entry<Long, Map<String, StoreChange>> readRecord(ByteBuffer in) {
        if (in.remaining() < HEADER) {
            return null;
        }
        int length = in.getInt();
        int crc = in.getInt();
        if (length < Long.BYTES || length > in.remaining()) {
            return null;
        }
        CRC32C check = new CRC32C();
        check.update(in.array(), in.position(), length);
        if ((int) check.getValue() != crc) {
            return null;
        }
        var payload = new DataInputStream(new java.io.ByteArrayInputStream(in.array(), in.position(), length));
        in.position(in.position() + length);
        try {
            long seq = payload.readLong();
            int stores = payload.readInt();
            Map<String, StoreChange> changes = new LinkedHashMap<>();
            for (int s = 0; s < stores; s++) {
                String name = payload.readUTF();
                int flags = payload.readUnsignedByte();
                StoreChange change = new StoreChange();
                change.dropped = (flags & DROPPED) != 0;
                change.created = (flags & CREATED) != 0;
                int entries = payload.readInt();
                for (int e = 0; e < entries; e++) {
                    byte[] key = payload.readNBytes(payload.readInt());
                    int valueLength = payload.readInt();
                    change.entries.put(key, valueLength < 0 ? Layer.TOMBSTONE : payload.readNBytes(valueLength));
                }
                changes.put(name, change);
            }
            return Map.entry(seq, changes);
        } catch (IOException e) {
            // the checksum matched, so this is a record some other program wrote: not ours to replay
            throw new StorageException("The write-ahead log holds a record it cannot read: " + e.getMessage(), e);
        }
    }

    /** Appends the record of commit {@code seq}; once this returns, the commit survives the death of the process. */
    void append(long seq, Map<String, StoreChange> changes) {
        if (broken) {
            throw new StorageException("The write-ahead log could not be repaired after a failed write");
        }
        ByteBuffer record = buffer.encode(seq, changes);
        FileChannel out = channel;
        long before = -1;
        try {
            before = out.position();
            while (record.hasRemaining()) {
                out.write(record);
            }
            if (durable) {
                out.force(false);
            }
        } catch (IOException e) {
            try {
                if (before >= 0) {
                    out.truncate(before);
                    out.position(before);
                }
            } catch (IOException again) {
                broken = true;
            }
            throw new StorageException("Cannot write the write-ahead log: " + e.getMessage(), e);
        }
    }

    /** Starts a new file for commits from {@code nextSeq} on; the current one is complete. */
    void rotate(long nextSeq) {
        try {
            closeChannel();
            closed.add(new Segment(current, nextSeq - 1));
            start(nextSeq);
        } catch (IOException e) {
            broken = true;
            throw new StorageException("Cannot start a new write-ahead log file: " + e.getMessage(), e);
        }
    }

    /** Deletes the files holding only commits up to {@code seq}, which the base now holds. */
    void deleteUpTo(long seq) {
        for (var it = closed.iterator(); it.hasNext(); ) {
            Segment segment = it.next();
            if (segment.lastSeq() <= seq) {
                try {
                    Files.deleteIfExists(segment.file());
                } catch (IOException e) {
                    throw new StorageException("Cannot delete the write-ahead log file " + segment.file(), e);
                }
                it.remove();
            }
        }
    }

    private void start(long firstSeq) throws IOException {
        current = dir.resolve("%020d%s".formatted(firstSeq, SUFFIX));
        channel = FileChannel.open(
                current, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        if (durable) {
            // the new file's name must survive a power cut too
            try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                folder.force(true);
            } catch (IOException ignored) {
                // not every platform can open a folder; the file's own data is still forced on each commit
            }
        }
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Closes the log; with {@code empty} (the base holds everything), deletes its files. */
    void close(boolean empty) {
        try {
            closeChannel();
            if (empty) {
                for (Segment segment : closed) {
                    Files.deleteIfExists(segment.file());
                }
                Files.deleteIfExists(current);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot close the write-ahead log: " + e.getMessage(), e);
        }
    }

    /** A reusable buffer that encodes records. */
    private static final class Buffer extends ByteArrayOutputStream {
        private final DataOutputStream data = new DataOutputStream(this);

        ByteBuffer encode(long seq, Map<String, StoreChange> changes) {
            reset();
            try {
                data.writeLong(0); // room for the header
                data.writeLong(seq);
                data.writeInt(changes.size());
                for (var c : changes.entrySet()) {
                    StoreChange change = c.getValue();
                    data.writeUTF(c.getKey());
                    data.writeByte((change.dropped ? DROPPED : 0) | (change.created ? CREATED : 0));
                    data.writeInt(change.entries.size());
                    for (var e : change.entries.entrySet()) {
                        data.writeInt(e.getKey().length);
                        data.write(e.getKey());
                        byte[] value = e.getValue();
                        if (value == Layer.TOMBSTONE) {
                            data.writeInt(-1);
                        } else {
                            data.writeInt(value.length);
                            data.write(value);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            CRC32C crc = new CRC32C();
            crc.update(buf, HEADER, count - HEADER);
            ByteBuffer record = ByteBuffer.wrap(buf, 0, count);
            record.putInt(0, count - HEADER);
            record.putInt(Integer.BYTES, (int) crc.getValue());
            return record;
        }
    }
}

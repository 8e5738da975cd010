package dev.keysmith.modeler.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks of the 100-byte SQLite database header, read with plain file I/O before SQLite sees the file, so that files
 * which are refused (not SQLite, truncated, another application's, a newer schema) are never opened by SQLite and never
 * modified. Layout: https://www.sqlite.org/fileformat.html section 1.3.
 */
final class FileHeader {

    static final int LENGTH = 100;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FileHeader() {}

    /** Reads the header of an existing file and refuses it with the user-facing reason when Keysmith cannot use it. */
    static void check(Path file) throws ProjectFileException {
        long length;
        byte[] bytes;
        try {
            length = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(LENGTH);
            }
        } catch (IOException e) {
            throw ProjectFileException.io(file, "open", e);
        }
        if (length == 0) {
            throw ProjectFileException.empty(file);
        }
        int prefix = Math.min(bytes.length, MAGIC.length);
        if (!Arrays.equals(bytes, 0, prefix, MAGIC, 0, prefix)) {
            throw ProjectFileException.notSqlite(file);
        }
        if (bytes.length < LENGTH) {
            throw ProjectFileException.truncated(file, length, LENGTH);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian, as SQLite writes it
        int rawPageSize = Short.toUnsignedInt(header.getShort(16));
        int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw ProjectFileException.damaged(file, "invalid page size " + rawPageSize + " in the header");
        }
        long changeCounter = Integer.toUnsignedLong(header.getInt(24));
        long pageCount = Integer.toUnsignedLong(header.getInt(28));
        int userVersion = header.getInt(60);
        int applicationId = header.getInt(68);
        long versionValidFor = Integer.toUnsignedLong(header.getInt(92));

        if (applicationId != SchemaMigrations.APPLICATION_ID) {
            throw ProjectFileException.notKeysmith(file);
        }
        if (userVersion > SchemaMigrations.CURRENT) {
            throw ProjectFileException.newerSchema(file, userVersion);
        }
        // After a crash in WAL mode the main file can lag behind its header (a checkpoint cut short); SQLite
        // completes it from the WAL, so the size checks only apply to a file without a WAL.
        if (!hasWal(file)) {
            // The in-header size is only meaningful when non-zero and the change counter matches version-valid-for.
            if (pageCount > 0 && changeCounter == versionValidFor && length < pageCount * pageSize) {
                throw ProjectFileException.truncated(file, length, pageCount * pageSize);
            }
            if (length % pageSize != 0) {
                throw ProjectFileException.damaged(
                        file, "its length " + length + " is not a multiple of its page size " + pageSize);
            }
        }
    }

    private static boolean hasWal(Path file) {
        try {
            return Files.size(file.resolveSibling(file.getFileName() + "-wal")) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.keysmith.modeler.store;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An encoded document as stored: deflated, with its SHA-256 and uncompressed size, which are checked on every read.
 *
 * @param hash SHA-256 of the uncompressed bytes, lower-case hex
 * @param size uncompressed length
 * @param deflated the bytes, compressed with {@link Deflater} (zlib format)
 */
record EncodedDocument(String hash, int size, byte[] deflated) {

    /**
     * Speed first: on model JSON the fastest level still compresses about 15:1, and costs a third of the default
     * level's time, which matters for autosaves of megabyte documents.
     */
    private static final int LEVEL = Deflater.BEST_SPEED;

    static EncodedDocument of(byte[] raw) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new EncodedDocument(sha256(raw), raw.length, out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** The uncompressed bytes; fails when they do not match the stored size and hash. */
    byte[] inflate() throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] raw = new byte[size];
            int n = 0;
            while (n < size && !inflater.finished()) {
                int read = inflater.inflate(raw, n, size - n);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += read;
            }
            boolean longer = n == size && !inflater.finished() && inflater.inflate(new byte[1]) > 0;
            if (n != size || longer || !inflater.finished()) {
                throw new DataFormatException("the stored document is not " + size + " bytes long");
            }
            if (!sha256(raw).equals(hash)) {
                throw new DataFormatException("the stored document does not match its content hash");
            }
            return raw;
        } finally {
            inflater.end();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package dev.keysmith.engine.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The child process of {@link CrashDurabilityTest}: writes keys 0, 1, 2... one transaction each (some with several
 * stores and a large value), and prints each key on stdout once {@link Storage#write} has returned. Runs until killed.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        XodusStorage storage = XodusStorage.onDisk(dir, false);
        byte[] big = new byte[20_000];
        for (long i = 0; ; i++) {
            long n = i;
            byte[] key = ByteBuffer.allocate(8).putLong(n).array();
            storage.write(tx -> {
                tx.put("items", key, n % 10 == 0 ? big : key);
                tx.put("index", key, key);
                return null;
            });
            System.out.println(n);
            System.out.flush();
        }
    }
}

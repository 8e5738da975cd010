package dev.keysmith.engine.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The child process of {@link CrashDurabilityTest}: opens the storage of the {@link StorageSetup} named by its second
 * argument in the directory named by its first, and makes writes 0, 1, 2... (resuming after the last one the storage
 * holds), one transaction each, printing each number on stdout once {@link Storage#write} has returned. With a third
 * argument, it stops after that many writes (then, with a fourth argument {@code flush}, calls {@link
 * BufferedStorage#flush()}), prints {@code done} and waits to be killed; otherwise it runs until killed.
 *
 * <p>Write {@code n} puts key {@code n} into {@code items} (every tenth with a 20 KB value) and {@code index}, moves
 * the one key of {@code latest} from {@code n - 1} to {@code n} (a delete and a put), and puts {@code n} into the
 * store of its hundred, {@code gen:<n / 100>}, the first of a hundred dropping the previous hundred's store. So the
 * state after write {@code k} is known exactly from {@code k}: see {@link CrashDurabilityTest#assertStateAfterSomeWrite}.
 */
public final class CrashWriter {
    private CrashWriter() {}

    static byte[] key(long n) {
        return ByteBuffer.allocate(8).putLong(n).array();
    }

    static String hundred(long n) {
        return "gen:" + n / 100;
    }

    /** The last write the storage holds, or -1. */
    static long lastWrite(ReadTx tx) {
        try (Cursor latest = tx.cursor("latest")) {
            return latest.last() ? ByteBuffer.wrap(latest.key()).getLong() : -1;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Storage storage = StorageSetup.valueOf(args[1]).open(Path.of(args[0]));
        long stopAfter = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        byte[] big = new byte[20_000];
        long first = storage.read(CrashWriter::lastWrite) + 1;
        for (long n = first; n - first < stopAfter; n++) {
            long i = n;
            byte[] key = key(i);
            storage.write(tx -> {
                tx.put("items", key, i % 10 == 0 ? big : key);
                tx.put("index", key, key);
                tx.delete("latest", key(i - 1));
                tx.put("latest", key, key);
                if (i % 100 == 0) {
                    tx.dropStore(hundred(i - 100));
                }
                tx.put(hundred(i), key, key);
                return null;
            });
            System.out.println(i);
            System.out.flush();
        }
        if (args.length > 3 && args[3].equals("flush")) {
            ((BufferedStorage) storage).flush();
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

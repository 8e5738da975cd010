package dev.keysmith.engine.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A tiny single-thread benchmark of the {@link Storage} API (not a test): puts of one small entry per write
 * transaction, then random gets each in its own read transaction. Arguments: {@code [count] [mem|disk|durable]}.
 */
public final class StorageBench {
    private StorageBench() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String mode = args.length > 1 ? args[1] : "disk";
        Path dir = Files.createTempDirectory("keysmith-bench");
        try (XodusStorage storage = switch (mode) {
            case "mem" -> XodusStorage.inMemory();
            case "durable" -> XodusStorage.onDisk(dir, true);
            default -> XodusStorage.onDisk(dir, false);
        }) {
            byte[] value = new byte[100];
            run(
                    "warm-up put",
                    count / 10,
                    i -> storage.write(tx -> {
                        tx.put("warm", key(i), value);
                        return null;
                    }));
            run(
                    "put (1 per transaction)",
                    count,
                    i -> storage.write(tx -> {
                        tx.put("bench", key(i), value);
                        return null;
                    }));
            long seed = 42;
            run("get (1 per transaction)", count, i -> {
                long k = Math.floorMod(i * 2_654_435_761L + seed, count);
                if (storage.read(tx -> tx.get("bench", key(k))) == null) {
                    throw new IllegalStateException("missing " + k);
                }
            });
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private interface Op {
        void run(long i);
    }

    /** Prints wall-clock throughput and, as the machine may be shared, throughput per CPU-second of this thread. */
    private static void run(String name, int count, Op op) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            op.run(i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(
                "%-24s %8d ops in %6.2f s = %,9.0f ops/s (%,9.0f ops per CPU-second)%n",
                name, count, seconds, count / seconds, count / cpuSeconds);
    }

    private static byte[] key(long i) {
        return ByteBuffer.allocate(16).putLong(0x5eedL).putLong(i).array();
    }
}

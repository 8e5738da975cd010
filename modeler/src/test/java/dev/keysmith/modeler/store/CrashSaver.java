package dev.keysmith.modeler.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child process of {@link ProjectStoreCrashTest}: saves large versions in a loop, printing {@code saving} before each
 * save and {@code saved <id> <hash>} after it returns, until it is killed.
 */
public final class CrashSaver {

    private CrashSaver() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        try (ProjectStore<String> store = Files.exists(file)
                ? ProjectStore.open(file, TextCodec.INSTANCE)
                : ProjectStore.create(file, TextCodec.INSTANCE, "first")) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; ; i++) {
                String text = randomText(random, 1_000_000 + random.nextInt(1_000_000));
                System.out.println("saving");
                System.out.flush();
                SavedVersion version = store.save(text, "save " + i);
                System.out.println("saved " + version.id() + " " + version.contentHash());
                System.out.flush();
            }
        }
    }

    /** Random letters: they compress poorly, so each save writes hundreds of kilobytes. */
    static String randomText(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }
}

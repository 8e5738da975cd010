package dev.keysmith.modeler.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link ProjectLockTest}: opens a project for writing, prints {@code open}, then for each input
 * line {@code save <text>} saves a version and prints {@code saved <id>}; closes the project at end of input.
 */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (ProjectStore<String> store = ProjectStore.open(Path.of(args[0]), TextCodec.INSTANCE)) {
            System.out.println("open");
            System.out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("save ")) {
                    SavedVersion version = store.save(line.substring(5), "from the other process");
                    System.out.println("saved " + version.id());
                    System.out.flush();
                }
            }
        }
    }
}

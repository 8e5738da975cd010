package dev.keysmith.modeler.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The project files this process has open. Nothing may open and close a descriptor of such a file behind SQLite's
 * back: on POSIX systems, closing any descriptor of a file drops every lock the process holds on it, SQLite's too.
 */
final class OpenProjects {

    private static final Map<Path, Integer> OPEN = new ConcurrentHashMap<>();

    private OpenProjects() {}

    static void add(Path file) {
        OPEN.merge(key(file), 1, Integer::sum);
    }

    static void remove(Path file) {
        OPEN.computeIfPresent(key(file), (key, count) -> count == 1 ? null : count - 1);
    }

    static boolean contains(Path file) {
        return OPEN.containsKey(key(file));
    }

    /** One name per file, whatever path reached it (the file itself need not exist yet). */
    static Path key(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        @Nullable Path parent = absolute.getParent();
        try {
            return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute;
        }
    }
}

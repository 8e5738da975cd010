package dev.keysmith.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * A small key-value store for user preferences, kept in {@value #FILE_NAME} in the configuration folder. Every change
 * is written at once, atomically (a temporary file moved over the old one), so a crash never leaves half a file. A
 * settings file that cannot be read or written is logged and otherwise ignored: preferences are never worth a crash.
 * Safe to use from several threads.
 */
public final class Settings {
    /** Name of the settings file inside the configuration folder. */
    public static final String FILE_NAME = "settings.properties";

    private static final System.Logger LOG = System.getLogger(Settings.class.getName());

    private final Path directory;
    private final Properties values = new Properties();

    private Settings(Path directory) {
        this.directory = directory;
    }

    /** Loads the settings of the current user (see {@link ConfigDirectory}). */
    public static Settings loadDefault() {
        return load(ConfigDirectory.resolve());
    }

    /** Loads the settings kept in {@code directory}; a missing or unreadable file gives empty settings. */
    public static Settings load(Path directory) {
        Settings settings = new Settings(directory);
        try (Reader reader = Files.newBufferedReader(settings.file(), StandardCharsets.UTF_8)) {
            settings.values.load(reader);
        } catch (NoSuchFileException e) {
            // first run: nothing saved yet
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable settings file " + settings.file(), e);
        }
        return settings;
    }

    /** The file these settings are saved to. */
    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** The value of {@code key} as a number, or empty if it is missing or not a finite number. */
    public synchronized OptionalDouble getDouble(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? OptionalDouble.of(number) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    /** Sets several values and writes the file once. */
    public synchronized void putAll(Map<String, String> entries) {
        values.putAll(entries);
        save();
    }

    /** The list stored under {@code key} by {@link #putList}, in order. */
    public synchronized List<String> getList(String key) {
        List<String> list = new ArrayList<>();
        for (int i = 0; values.containsKey(listKey(key, i)); i++) {
            list.add(values.getProperty(listKey(key, i)));
        }
        return List.copyOf(list);
    }

    /** Replaces the list stored under {@code key} (kept as {@code key.0}, {@code key.1}, ...). */
    public synchronized void putList(String key, List<String> list) {
        for (int i = list.size(); values.containsKey(listKey(key, i)); i++) {
            values.remove(listKey(key, i));
        }
        for (int i = 0; i < list.size(); i++) {
            values.setProperty(listKey(key, i), list.get(i));
        }
        save();
    }

    private static String listKey(String key, int index) {
        return key + "." + index;
    }

    private void save() {
        Path target = file();
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    values.store(writer, "Keysmith settings");
                }
                moveOver(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save settings to " + target, e);
        }
    }

    private static void moveOver(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

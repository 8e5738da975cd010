package dev.keysmith.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path directory;

    @Test
    void put_isReadBackByANewlyLoadedStore() {
        Settings.load(directory).put("theme", "PRIMER_DARK");

        assertEquals(Optional.of("PRIMER_DARK"), Settings.load(directory).get("theme"));
    }

    @Test
    void load_givesEmptySettings_whenTheFolderDoesNotExistYet() {
        Settings settings = Settings.load(directory.resolve("not-created"));

        assertEquals(Optional.empty(), settings.get("theme"));
    }

    @Test
    void put_createsTheFolderAndLeavesOnlyTheSettingsFile() throws IOException {
        Path nested = directory.resolve("a").resolve("keysmith");
        Settings settings = Settings.load(nested);

        settings.put("k", "v");
        settings.put("k", "w");

        try (Stream<Path> files = Files.list(nested)) {
            assertEquals(List.of(nested.resolve(Settings.FILE_NAME)), files.toList());
        }
        assertEquals(nested.resolve(Settings.FILE_NAME), settings.file());
    }

    @Test
    void valuesWithNonAsciiTextAndSeparators_surviveARoundTrip() {
        String value = "C:\\Users\\Zoë\\Projects\\ordres = été #1.keysmith";
        Settings.load(directory).put("recent", value);

        assertEquals(Optional.of(value), Settings.load(directory).get("recent"));
    }

    @Test
    void putAll_writesEveryEntry() {
        Settings.load(directory).putAll(Map.of("a", "1", "b", "2"));

        Settings loaded = Settings.load(directory);
        assertEquals(Optional.of("1"), loaded.get("a"));
        assertEquals(Optional.of("2"), loaded.get("b"));
    }

    @Test
    void putList_replacesAShorterOrLongerList_andKeepsOrder() {
        Settings settings = Settings.load(directory);
        settings.putList("recent", List.of("c", "b", "a"));
        settings.putList("recent", List.of("x", "y"));

        assertEquals(List.of("x", "y"), Settings.load(directory).getList("recent"));
        assertEquals(Optional.empty(), Settings.load(directory).get("recent.2"));
    }

    @Test
    void getList_isEmpty_whenNothingWasStored() {
        assertEquals(List.of(), Settings.load(directory).getList("recent"));
    }

    @Test
    void getDouble_readsNumbers_andIgnoresTextAndNonFiniteValues() {
        Settings settings = Settings.load(directory);
        settings.putAll(Map.of("w", "1024.5", "text", "wide", "nan", "NaN", "inf", "Infinity"));

        assertEquals(OptionalDouble.of(1024.5), settings.getDouble("w"));
        assertEquals(OptionalDouble.empty(), settings.getDouble("text"));
        assertEquals(OptionalDouble.empty(), settings.getDouble("nan"));
        assertEquals(OptionalDouble.empty(), settings.getDouble("inf"));
        assertEquals(OptionalDouble.empty(), settings.getDouble("missing"));
    }

    @Test
    void load_ignoresAMalformedFile_andTheNextWriteReplacesIt() throws IOException {
        Files.writeString(directory.resolve(Settings.FILE_NAME), "bad=\\u12", StandardCharsets.UTF_8);

        Settings settings = Settings.load(directory);
        assertEquals(Optional.empty(), settings.get("bad"));

        settings.put("theme", "NORD_DARK");
        assertEquals(Optional.of("NORD_DARK"), Settings.load(directory).get("theme"));
    }

    @Test
    void put_keepsWorkingInMemory_whenTheFolderCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(directory.resolve("a-file"), "not a folder");
        Settings settings = Settings.load(blocker.resolve("keysmith"));

        settings.put("theme", "NORD_DARK");

        assertEquals(Optional.of("NORD_DARK"), settings.get("theme"));
        assertTrue(Files.isRegularFile(blocker));
    }
}

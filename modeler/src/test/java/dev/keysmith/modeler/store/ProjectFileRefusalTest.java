package dev.keysmith.modeler.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable projects are refused with their own message, and left exactly as they were. */
class ProjectFileRefusalTest {

    @TempDir
    Path dir;

    /** A file's bytes, modification time and the directory's other files, to show that nothing was touched. */
    private record Snapshot(byte[] bytes, FileTime modified, Set<Path> directory) {
        static Snapshot of(Path file) throws IOException {
            try (Stream<Path> files = Files.list(file.getParent())) {
                return new Snapshot(
                        Files.readAllBytes(file), Files.getLastModifiedTime(file), files.collect(Collectors.toSet()));
            }
        }
    }

    private void refused(Path file, ProjectFileException.Problem problem, String message) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        Snapshot before = Snapshot.of(file);
        for (boolean readOnly : new boolean[] {false, true}) {
            ProjectFileException e = assertThrows(ProjectFileException.class, () -> {
                if (readOnly) {
                    ProjectStore.openReadOnly(file, TextCodec.INSTANCE);
                } else {
                    ProjectStore.open(file, TextCodec.INSTANCE);
                }
            });
            assertEquals(problem, e.problem());
            assertEquals(message, e.getMessage());
        }
        Snapshot after = Snapshot.of(file);
        assertArrayEquals(before.bytes(), after.bytes(), "the file's content changed");
        assertEquals(before.modified(), after.modified(), "the file's modification time changed");
        assertEquals(before.directory(), after.directory(), "files appeared or disappeared next to it");
    }

    private Path realProject(String name) throws Exception {
        Path file = dir.resolve(name);
        Random random = new Random(7);
        try (ProjectStore<String> store = ProjectStore.create(file, TextCodec.INSTANCE, "v1")) {
            for (int i = 0; i < 5; i++) {
                store.save(CrashSaver.randomText(random, 20_000), "save " + i);
            }
        }
        return file;
    }

    @Test
    void randomBytes_areNotASqliteDatabase() throws Exception {
        Path file = dir.resolve("random.keysmith");
        byte[] bytes = new byte[8192];
        new Random(1).nextBytes(bytes);
        Files.write(file, bytes);
        refused(
                file,
                ProjectFileException.Problem.NOT_SQLITE,
                "Cannot open random.keysmith: it is not a Keysmith project (not a SQLite database)");
    }

    @Test
    void aTextFile_isNotASqliteDatabase() throws Exception {
        Path file = dir.resolve("notes.keysmith");
        Files.writeString(file, "{\"tables\": []}");
        refused(
                file,
                ProjectFileException.Problem.NOT_SQLITE,
                "Cannot open notes.keysmith: it is not a Keysmith project (not a SQLite database)");
    }

    @Test
    void aZeroByteFile_isEmpty() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.keysmith"));
        refused(
                file,
                ProjectFileException.Problem.EMPTY,
                "Cannot open empty.keysmith: the file is empty (0 bytes), it is not a Keysmith project");
    }

    @Test
    void aTruncatedCopyOfARealProject_isTruncated() throws Exception {
        Path original = realProject("original.keysmith");
        byte[] bytes = Files.readAllBytes(original);
        Path file = dir.resolve("truncated.keysmith");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2 + 100));
        refused(
                file,
                ProjectFileException.Problem.TRUNCATED,
                "Cannot open truncated.keysmith: the file is truncated (it has "
                        + String.format(java.util.Locale.ROOT, "%,d", bytes.length / 2 + 100)
                        + " bytes but its header says " + String.format(java.util.Locale.ROOT, "%,d", bytes.length)
                        + " bytes)");
    }

    @Test
    void aProjectCutInsideItsHeader_isTruncated() throws Exception {
        Path original = realProject("original.keysmith");
        Path file = dir.resolve("stub.keysmith");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(original), 40));
        refused(
                file,
                ProjectFileException.Problem.TRUNCATED,
                "Cannot open stub.keysmith: the file is truncated (it has 40 bytes but its header says 100 bytes)");
    }

    @Test
    void aProjectWithADamagedPage_isDamaged() throws Exception {
        Path file = realProject("damaged.keysmith");
        byte[] bytes = Files.readAllBytes(file);
        int pageSize = 4096;
        // page 2 is the root of the first table created (meta): scribble over its b-tree page header
        Arrays.fill(bytes, pageSize, pageSize + 16, (byte) 0x7F);
        Files.write(file, bytes);
        refusedWithPrefix(
                file, ProjectFileException.Problem.DAMAGED, "Cannot open damaged.keysmith: the file is damaged (");
    }

    private void refusedWithPrefix(Path file, ProjectFileException.Problem problem, String prefix) throws IOException {
        Snapshot before = Snapshot.of(file);
        ProjectFileException e =
                assertThrows(ProjectFileException.class, () -> ProjectStore.open(file, TextCodec.INSTANCE));
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(
                prefix,
                e.getMessage()
                        .substring(0, Math.min(prefix.length(), e.getMessage().length())));
        assertArrayEquals(before.bytes(), Files.readAllBytes(file), "the file's content changed");
        assertEquals(before.directory(), Snapshot.of(file).directory(), "files appeared or disappeared next to it");
    }

    @Test
    void aSqliteDatabaseOfAnotherApplication_isNotAKeysmithProject() throws Exception {
        Path file = dir.resolve("other.keysmith");
        Sql.execute(
                file,
                "PRAGMA application_id = 1598903374", // another application's id
                "CREATE TABLE contacts (name TEXT)",
                "INSERT INTO contacts VALUES ('Ada')");
        refused(
                file,
                ProjectFileException.Problem.NOT_KEYSMITH,
                "Cannot open other.keysmith: it is a SQLite database of another application, not a Keysmith project");
    }

    @Test
    void aPlainSqliteDatabase_isNotAKeysmithProject() throws Exception {
        Path file = dir.resolve("plain.keysmith");
        Sql.execute(file, "CREATE TABLE meta (key TEXT, value TEXT)");
        refused(
                file,
                ProjectFileException.Problem.NOT_KEYSMITH,
                "Cannot open plain.keysmith: it is a SQLite database of another application, not a Keysmith project");
    }

    @Test
    void aProjectWrittenByANewerKeysmith_isRefusedUntouched() throws Exception {
        Path file = realProject("future.keysmith");
        Sql.execute(file, "PRAGMA user_version = 7", "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
        refused(
                file,
                ProjectFileException.Problem.NEWER_SCHEMA,
                "Cannot open future.keysmith: it was written by a newer Keysmith (schema 7, this build reads up to "
                        + SchemaMigrations.CURRENT + ")");
    }
}

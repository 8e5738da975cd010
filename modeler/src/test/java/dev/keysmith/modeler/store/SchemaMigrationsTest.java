package dev.keysmith.modeler.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migrations_areNumberedOneByOneFromOne() {
        assertEquals(
                IntStream.rangeClosed(1, SchemaMigrations.CURRENT).boxed().toList(),
                SchemaMigrations.MIGRATIONS.stream()
                        .map(SchemaMigrations.Migration::version)
                        .toList());
    }

    /** A project as the first release wrote it: schema 1, one saved version, no autosave slot. */
    private Path schema1Project() throws Exception {
        Path file = dir.resolve("old.keysmith");
        EncodedDocument document = EncodedDocument.of("from 2025".getBytes(StandardCharsets.UTF_8));
        try (Connection connection = Sql.connect(file)) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
            }
            SchemaMigrations.migrate(connection, 1);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO document (hash, size, body) VALUES (?, ?, ?)")) {
                insert.setString(1, document.hash());
                insert.setInt(2, document.size());
                insert.setBytes(3, document.deflated());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO version (saved_at, message, summary, hash) VALUES (1735689600000, 'first', '9 characters', ?)")) {
                insert.setString(1, document.hash());
                insert.executeUpdate();
            }
        }
        return file;
    }

    @Test
    void aSchema1File_isMigratedToTheCurrentSchemaOnOpen() throws Exception {
        Path file = schema1Project();
        assertEquals(1, Sql.queryLong(file, "PRAGMA user_version"));
        assertEquals(0, Sql.queryLong(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'autosave'"));

        try (ProjectStore<String> store = ProjectStore.open(file, TextCodec.INSTANCE)) {
            assertEquals("from 2025", store.current());
            assertEquals("first", store.currentVersion().message());
            // the table added by migration 2 works
            try (Autosaver<String> autosaver = store.autosaver(Duration.ofHours(1))) {
                autosaver.submit("edited after the upgrade");
            }
        }
        assertEquals(SchemaMigrations.CURRENT, Sql.queryLong(file, "PRAGMA user_version"));
        assertEquals(
                Integer.toString(SchemaMigrations.CURRENT),
                Sql.queryString(file, "SELECT value FROM meta WHERE key = 'schema_version'"));
        try (ProjectStore<String> store = ProjectStore.open(file, TextCodec.INSTANCE)) {
            assertEquals(
                    "edited after the upgrade",
                    store.recoveredChanges().orElseThrow().document());
            assertEquals("from 2025", store.load(1));
        }
    }

    @Test
    void aSchema1File_openedReadOnly_isRefusedUntouched() throws Exception {
        Path file = schema1Project();
        byte[] before = Files.readAllBytes(file);
        ProjectFileException e =
                assertThrows(ProjectFileException.class, () -> ProjectStore.openReadOnly(file, TextCodec.INSTANCE));
        assertEquals(ProjectFileException.Problem.OLDER_SCHEMA, e.problem());
        assertEquals(
                "Cannot open old.keysmith: it was written by an older Keysmith (schema 1) and must be upgraded,"
                        + " which a read-only window cannot do; open it normally first",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1, Sql.queryLong(file, "PRAGMA user_version"));
    }

    @Test
    void migrating_aCurrentFile_changesNothing() throws Exception {
        Path file = dir.resolve("new.keysmith");
        ProjectStore.create(file, TextCodec.INSTANCE, "v1").close();
        try (Connection connection = Sql.connect(file)) {
            SchemaMigrations.migrate(connection);
        }
        assertEquals(SchemaMigrations.CURRENT, Sql.queryLong(file, "PRAGMA user_version"));
        assertTrue(Sql.queryLong(file, "SELECT count(*) FROM meta") >= 3);
    }
}

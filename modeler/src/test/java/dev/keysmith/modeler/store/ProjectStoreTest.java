package dev.keysmith.modeler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {

    @TempDir
    Path dir;

    private Path project() {
        return dir.resolve("shop.keysmith");
    }

    @Test
    void create_storesTheInitialDocumentAsVersion1() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "hello")) {
            assertEquals("hello", store.current());
            SavedVersion first = store.currentVersion();
            assertEquals(1, first.id());
            assertEquals("Created project", first.message());
            assertEquals("5 characters", first.summary());
            assertEquals(5, first.size());
            assertEquals(EncodedDocument.sha256("hello".getBytes(StandardCharsets.UTF_8)), first.contentHash());
            assertEquals(List.of(first), store.history());
        }
    }

    @Test
    void savedVersions_survive_closeAndReopen() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.save("v2", "second");
            store.save("v3", "third");
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals("v3", store.current());
            assertEquals(List.of(3L, 2L, 1L), ids(store.history()));
            assertEquals(
                    List.of("third", "second", "Created project"),
                    store.history().stream().map(SavedVersion::message).toList());
            assertEquals("v1", store.load(1));
            assertEquals("v2", store.load(2));
        }
    }

    @Test
    void save_returnsTheNewVersion_asHistoryListsIt() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            SavedVersion saved = store.save("second text", "Add GSI");
            assertEquals(2, saved.id());
            assertEquals("Add GSI", saved.message());
            assertEquals("11 characters", saved.summary());
            assertEquals(saved, store.history().getFirst());
            assertEquals(saved, store.currentVersion());
            assertEquals("second text", store.current());
        }
    }

    @Test
    void save_ofADocumentIdenticalToTheNewest_addsNoVersion() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            SavedVersion second = store.save("v2", "second");
            SavedVersion again = store.save("v2", "nothing changed");
            assertEquals(second, again);
            assertEquals(List.of(2L, 1L), ids(store.history()));
        }
    }

    @Test
    void restore_appendsTheOldDocumentAsTheNewestVersion_andKeepsHistory() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.save("v2", "second");
            SavedVersion restored = store.restore(1);
            assertEquals(3, restored.id());
            assertEquals("Restored version 1: Created project", restored.message());
            assertEquals("v1", store.current());
            assertEquals(List.of(3L, 2L, 1L), ids(store.history()));
            assertEquals("v2", store.load(2));
            // the restored version shares the stored document of version 1
            assertEquals(2, Sql.queryLong(project(), "SELECT count(*) FROM document"));
        }
    }

    @Test
    void restore_ofTheNewestContent_addsNoVersion() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            SavedVersion second = store.save("v2", "second");
            assertEquals(second, store.restore(2));
            assertEquals(List.of(2L, 1L), ids(store.history()));
        }
    }

    @Test
    void load_ofAnUnknownVersion_saysSo() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.load(42));
            assertEquals("There is no version 42 in shop.keysmith", e.getMessage());
        }
    }

    @Test
    void documents_areStoredCompressed_withTheirContentHash() throws Exception {
        String text = "{\"table\":\"Orders\"}\n".repeat(5_000);
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, text)) {
            String hash = store.currentVersion().contentHash();
            assertEquals(EncodedDocument.sha256(text.getBytes(StandardCharsets.UTF_8)), hash);
            long stored = Sql.queryLong(project(), "SELECT length(body) FROM document WHERE hash = '" + hash + "'");
            assertTrue(stored < text.length() / 20, "stored " + stored + " bytes for " + text.length());
        }
    }

    @Test
    void load_ofATamperedDocument_failsWithTheVersionNumber() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.save("v2", "second");
        }
        // replace version 1's body ("v1") by the compressed bytes of another 2-byte text: the hash check notices
        byte[] other = EncodedDocument.of("xx".getBytes(StandardCharsets.UTF_8)).deflated();
        Sql.execute(
                project(),
                "UPDATE document SET body = x'" + java.util.HexFormat.of().formatHex(other)
                        + "' WHERE hash = (SELECT hash FROM version WHERE id = 1)");
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            ProjectStoreException e = assertThrows(ProjectStoreException.class, () -> store.load(1));
            assertEquals(
                    "Version 1 of shop.keysmith cannot be read: the stored document does not match its content hash",
                    e.getMessage());
            assertEquals("v2", store.load(2));
        }
    }

    @Test
    void theFile_isAVersionedWalModeSqliteDatabase() throws Exception {
        ProjectStore.create(project(), TextCodec.INSTANCE, "v1").close();
        assertEquals("wal", Sql.queryString(project(), "PRAGMA journal_mode").toLowerCase(java.util.Locale.ROOT));
        assertEquals(0x4B59534D, Sql.queryLong(project(), "PRAGMA application_id"));
        assertEquals(SchemaMigrations.CURRENT, Sql.queryLong(project(), "PRAGMA user_version"));
        assertEquals("keysmith", Sql.queryString(project(), "SELECT value FROM meta WHERE key = 'application'"));
        assertEquals(
                Integer.toString(SchemaMigrations.CURRENT),
                Sql.queryString(project(), "SELECT value FROM meta WHERE key = 'schema_version'"));
    }

    @Test
    void create_refusesAnExistingFile_andLeavesIt() throws Exception {
        Files.writeString(project(), "keep me");
        ProjectFileException e = assertThrows(
                ProjectFileException.class, () -> ProjectStore.create(project(), TextCodec.INSTANCE, "v1"));
        assertEquals(ProjectFileException.Problem.ALREADY_EXISTS, e.problem());
        assertEquals("Cannot create shop.keysmith: the file already exists", e.getMessage());
        assertEquals("keep me", Files.readString(project()));
    }

    @Test
    void create_ignoresTheLeftoverWalOfADeletedProjectOfTheSameName() throws Exception {
        Path wal = dir.resolve("shop.keysmith-wal");
        Path kept = dir.resolve("kept-wal");
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "old project")) {
            store.save("old project, edited", "second");
            Files.copy(wal, kept);
        }
        Files.delete(project());
        Files.move(kept, wal);

        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "new project")) {
            assertEquals(1, store.history().size());
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals("new project", store.current());
            assertEquals(1, store.history().size());
        }
    }

    @Test
    void create_refusesANameWithoutTheKeysmithExtension() {
        ProjectFileException e = assertThrows(
                ProjectFileException.class,
                () -> ProjectStore.create(dir.resolve("shop.db"), TextCodec.INSTANCE, "v1"));
        assertEquals(ProjectFileException.Problem.BAD_NAME, e.problem());
        assertEquals("Cannot create shop.db: a Keysmith project file name must end with .keysmith", e.getMessage());
        assertFalse(Files.exists(dir.resolve("shop.db")));
    }

    @Test
    void open_ofAMissingFile_saysItDoesNotExist() {
        ProjectFileException e =
                assertThrows(ProjectFileException.class, () -> ProjectStore.open(project(), TextCodec.INSTANCE));
        assertEquals(ProjectFileException.Problem.NOT_FOUND, e.problem());
        assertEquals("Cannot open shop.keysmith: the file does not exist", e.getMessage());
        assertFalse(Files.exists(project()));
    }

    @Test
    void open_whenTheNewestDocumentCannotBeDecoded_namesTheVersion() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.save("unreadable text", "second");
        }
        ProjectFileException e =
                assertThrows(ProjectFileException.class, () -> ProjectStore.open(project(), TextCodec.INSTANCE));
        assertEquals(ProjectFileException.Problem.UNREADABLE_DOCUMENT, e.problem());
        assertEquals(
                "Cannot open shop.keysmith: version 2 cannot be read (not a document: starts with 'unreadable')",
                e.getMessage());
    }

    @Test
    void aReadOnlyStore_readsButRefusesToWrite() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.save("v2", "second");
        }
        try (ProjectStore<String> store = ProjectStore.openReadOnly(project(), TextCodec.INSTANCE)) {
            assertTrue(store.isReadOnly());
            assertEquals("v2", store.current());
            assertEquals("v1", store.load(1));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.save("v3", "third"));
            assertEquals("shop.keysmith is open read-only", e.getMessage());
            assertThrows(IllegalStateException.class, () -> store.restore(1));
            assertThrows(IllegalStateException.class, () -> store.autosaver(java.time.Duration.ofSeconds(1)));
        }
    }

    @Test
    void aClosedStore_refusesToWork() throws Exception {
        ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1");
        store.close();
        store.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, store::history);
        assertEquals("shop.keysmith is closed", e.getMessage());
    }

    private static List<Long> ids(List<SavedVersion> versions) {
        return versions.stream().map(SavedVersion::id).toList();
    }
}

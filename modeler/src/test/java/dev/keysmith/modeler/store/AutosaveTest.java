package dev.keysmith.modeler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {

    private static final Duration LONG = Duration.ofHours(1);

    @TempDir
    Path dir;

    private Path project() {
        return dir.resolve("shop.keysmith");
    }

    /** Collects what the autosaver reports. */
    private static final class Recorder implements AutosaveListener {
        final List<Instant> autosaves = new CopyOnWriteArrayList<>();
        final CountDownLatch first = new CountDownLatch(1);

        @Override
        public void autosaved(Instant at) {
            autosaves.add(at);
            first.countDown();
        }
    }

    @Test
    void autosavedEdits_areRecoveredOnTheNextOpen_withoutBecomingAVersion() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.autosaver(LONG).submit("v1 plus an unsaved edit");
            // closing the store (like a crash after the autosave) writes the pending autosave
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals("v1", store.current());
            assertEquals(1, store.history().size());
            RecoveredChanges<String> recovered = store.recoveredChanges().orElseThrow();
            assertEquals("v1 plus an unsaved edit", recovered.document());
            assertEquals(1, recovered.baseVersionId());
            assertEquals("23 characters", recovered.summary());
            assertTrue(
                    recovered
                            .message()
                            .matches(
                                    "Unsaved changes recovered \\(autosaved \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC,"
                                            + " after version 1\\)"),
                    recovered.message());
        }
    }

    @Test
    void theAutosaver_writesOnlyTheLatestOfRapidEdits() throws Exception {
        Recorder recorder = new Recorder();
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            Autosaver<String> autosaver = store.autosaver(LONG, recorder);
            autosaver.submit("edit 1");
            autosaver.submit("edit 2");
            autosaver.submit("edit 3");
            autosaver.flush();
            assertEquals(1, recorder.autosaves.size());
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals("edit 3", store.recoveredChanges().orElseThrow().document());
        }
    }

    @Test
    void theAutosaver_writesByItselfAfterTheDelay() throws Exception {
        Recorder recorder = new Recorder();
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.autosaver(Duration.ofMillis(20), recorder).submit("edited");
            assertTrue(recorder.first.await(30, TimeUnit.SECONDS), "no autosave was written");
            assertEquals(1, Sql.queryLong(project(), "SELECT count(*) FROM autosave WHERE base_version = 1"));
        }
    }

    @Test
    void aSave_supersedesTheAutosave() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            Autosaver<String> autosaver = store.autosaver(LONG);
            autosaver.submit("v2");
            autosaver.flush();
            store.save("v2", "second");
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals(Optional.empty(), store.recoveredChanges());
            assertEquals("v2", store.current());
        }
    }

    @Test
    void anAutosaveEqualToTheNewestVersion_leavesNothingToRecover() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            Autosaver<String> autosaver = store.autosaver(LONG);
            autosaver.submit("an edit");
            autosaver.flush();
            autosaver.submit("v1"); // the edit was undone
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals(Optional.empty(), store.recoveredChanges());
        }
        assertEquals(0, Sql.queryLong(project(), "SELECT count(*) FROM autosave"));
    }

    @Test
    void discardRecoveredChanges_emptiesTheSlot() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            store.autosaver(LONG).submit("unsaved");
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            store.discardRecoveredChanges();
            assertEquals(Optional.empty(), store.recoveredChanges());
        }
        try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals(Optional.empty(), store.recoveredChanges());
        }
    }

    @Test
    void aClosedAutosaver_refusesNewEdits() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            Autosaver<String> autosaver = store.autosaver(LONG);
            autosaver.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> autosaver.submit("late"));
            assertEquals("the autosaver of shop.keysmith is closed", e.getMessage());
        }
    }
}

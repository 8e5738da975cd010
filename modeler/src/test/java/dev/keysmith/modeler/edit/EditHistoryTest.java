package dev.keysmith.modeler.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    /** A document: the names of a model's indexes. */
    private record Doc(List<String> indexes) {
        Doc with(String index) {
            List<String> next = new ArrayList<>(indexes);
            next.add(index);
            return new Doc(List.copyOf(next));
        }
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock implements InstantSource {
        Instant now = Instant.parse("2026-11-22T01:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private static final Doc EMPTY = new Doc(List.of());

    private final ManualClock clock = new ManualClock();

    private EditHistory<Doc> history() {
        return new EditHistory<>(EMPTY, 500, Duration.ofSeconds(1), clock);
    }

    @Test
    void undo_andRedo_walkBackAndForthThroughTheEdits() {
        EditHistory<Doc> history = history();
        history.apply("Add GSI", doc -> doc.with("GSI1"));
        history.apply("Add LSI", doc -> doc.with("LSI1"));

        assertTrue(history.undo());
        assertEquals(new Doc(List.of("GSI1")), history.current());
        assertTrue(history.undo());
        assertEquals(EMPTY, history.current());
        assertFalse(history.undo());
        assertFalse(history.canUndo());

        assertTrue(history.redo());
        assertTrue(history.redo());
        assertEquals(new Doc(List.of("GSI1", "LSI1")), history.current());
        assertFalse(history.redo());
        assertFalse(history.canRedo());
    }

    @Test
    void menuTexts_nameTheEditUndoOrRedoWouldAffect() {
        EditHistory<Doc> history = history();
        assertEquals("Undo", history.undoMenuText());
        assertEquals("Redo", history.redoMenuText());
        history.apply("Add GSI", doc -> doc.with("GSI1"));
        history.apply("Add LSI", doc -> doc.with("LSI1"));
        assertEquals("Undo Add LSI", history.undoMenuText());
        history.undo();
        assertEquals("Undo Add GSI", history.undoMenuText());
        assertEquals("Redo Add LSI", history.redoMenuText());
        assertEquals(Optional.of("Add LSI"), history.redoLabel());
    }

    @Test
    void aNewEdit_afterUndo_dropsTheRedoSteps() {
        EditHistory<Doc> history = history();
        history.apply("Add GSI", doc -> doc.with("GSI1"));
        history.undo();
        history.apply("Add LSI", doc -> doc.with("LSI1"));
        assertFalse(history.canRedo());
        assertEquals(new Doc(List.of("LSI1")), history.current());
    }

    @Test
    void anEditThatChangesNothing_recordsNothing() {
        EditHistory<Doc> history = history();
        assertFalse(history.apply("Nothing", doc -> new Doc(List.of())));
        assertFalse(history.canUndo());
    }

    @Test
    void anEditReturningNoDocument_isRefusedWithItsLabel() {
        EditHistory<Doc> history = history();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> history.apply("Broken", doc -> null));
        assertEquals("The edit 'Broken' returned no document", e.getMessage());
        assertEquals(EMPTY, history.current());
    }

    @Test
    void theDepth_isBounded_forgettingTheOldestEdits() {
        EditHistory<Doc> history = new EditHistory<>(EMPTY, 3, Duration.ZERO, clock);
        for (int i = 1; i <= 5; i++) {
            String name = "GSI" + i;
            history.apply("Add " + name, doc -> doc.with(name));
        }
        assertEquals(3, history.undoDepth());
        while (history.undo()) {
            // back as far as the history goes
        }
        assertEquals(new Doc(List.of("GSI1", "GSI2")), history.current());
    }

    @Test
    void theDefaultDepth_is500() {
        EditHistory<Doc> history = new EditHistory<>(EMPTY);
        for (int i = 0; i < 600; i++) {
            String name = "GSI" + i;
            history.apply("Add " + name, doc -> doc.with(name));
        }
        assertEquals(500, history.undoDepth());
    }

    @Test
    void rapidEditsOfOneKind_mergeIntoOneUndoStep() {
        EditHistory<Doc> history = history();
        history.apply("Rename table", "rename:Orders", doc -> new Doc(List.of("O")));
        clock.advance(Duration.ofMillis(300));
        history.apply("Rename table", "rename:Orders", doc -> new Doc(List.of("Or")));
        clock.advance(Duration.ofMillis(300));
        history.apply("Rename table", "rename:Orders", doc -> new Doc(List.of("Ord")));
        assertEquals(1, history.undoDepth());
        history.undo();
        assertEquals(EMPTY, history.current());
    }

    @Test
    void editsOfOneKind_apartByMoreThanTheWindow_stayApart() {
        EditHistory<Doc> history = history();
        history.apply("Rename table", "rename:Orders", doc -> new Doc(List.of("O")));
        clock.advance(Duration.ofSeconds(2));
        history.apply("Rename table", "rename:Orders", doc -> new Doc(List.of("Or")));
        assertEquals(2, history.undoDepth());
    }

    @Test
    void mergingStops_atAnEditOfAnotherKind_anUndo_orASave() {
        EditHistory<Doc> history = history();
        history.apply("Rename", "a", doc -> new Doc(List.of("a1")));
        history.apply("Add GSI", "b", doc -> doc.with("GSI1"));
        history.apply("Rename", "a", doc -> new Doc(List.of("a2", "GSI1")));
        assertEquals(3, history.undoDepth());

        history.markSaved();
        history.apply("Rename", "a", doc -> new Doc(List.of("a3", "GSI1")));
        assertEquals(4, history.undoDepth());

        history.undo();
        history.redo();
        history.apply("Rename", "a", doc -> new Doc(List.of("a4", "GSI1")));
        assertEquals(5, history.undoDepth());
    }

    @Test
    void mergedEditsThatCancelOut_leaveNoUndoStep() {
        EditHistory<Doc> history = history();
        history.apply("Type", "field", doc -> new Doc(List.of("x")));
        history.apply("Type", "field", doc -> EMPTY);
        assertFalse(history.canUndo());
        assertEquals(EMPTY, history.current());
    }

    @Test
    void dirty_followsTheDocumentAgainstTheLastSave() {
        EditHistory<Doc> history = history();
        assertFalse(history.isDirty());
        history.apply("Add GSI", doc -> doc.with("GSI1"));
        assertTrue(history.isDirty());
        history.undo();
        assertFalse(history.isDirty());
        history.redo();
        history.markSaved();
        assertFalse(history.isDirty());
        history.undo();
        assertTrue(history.isDirty());
        history.redo();
        assertFalse(history.isDirty());
    }

    @Test
    void markSaved_ofAnEarlierDocument_leavesLaterEditsDirty() {
        EditHistory<Doc> history = history();
        history.apply("Add GSI", doc -> doc.with("GSI1"));
        Doc beingSaved = history.current();
        history.apply("Add LSI", doc -> doc.with("LSI1"));
        history.markSaved(beingSaved);
        assertTrue(history.isDirty());
        history.undo();
        assertFalse(history.isDirty());
    }

    @Test
    void reset_startsAgainAtACleanDocument() {
        EditHistory<Doc> history = history();
        history.apply("Add GSI", doc -> doc.with("GSI1"));
        history.undo();
        Doc restored = new Doc(List.of("restored"));
        history.reset(restored);
        assertEquals(restored, history.current());
        assertFalse(history.canUndo());
        assertFalse(history.canRedo());
        assertFalse(history.isDirty());
    }

    @Test
    void listeners_hearEveryChange_withTheCurrentDocument() {
        EditHistory<Doc> history = history();
        List<EditEvent<Doc>> events = new ArrayList<>();
        EditListener<Doc> listener = events::add;
        history.addListener(listener);
        history.apply("Add GSI", doc -> doc.with("GSI1"));
        history.undo();
        history.redo();
        history.markSaved();
        history.reset(EMPTY);
        history.removeListener(listener);
        history.apply("Add LSI", doc -> doc.with("LSI1"));

        Doc gsi = new Doc(List.of("GSI1"));
        assertEquals(
                List.of(
                        new EditEvent.Applied<>("Add GSI", gsi),
                        new EditEvent.Undone<>("Add GSI", EMPTY),
                        new EditEvent.Redone<>("Add GSI", gsi),
                        new EditEvent.Saved<>(gsi),
                        new EditEvent.Reset<>(EMPTY)),
                events);
    }
}

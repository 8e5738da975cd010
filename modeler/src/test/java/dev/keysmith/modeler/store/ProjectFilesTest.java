package dev.keysmith.modeler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.modeler.edit.EditHistory;
import dev.keysmith.modeler.model.Change;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path dir;

    private Path project() {
        return dir.resolve("shop.keysmith");
    }

    private static Project editOrders(Project project, UnaryOperator<TableDesign> edit) {
        return project.editModel(
                "Shop",
                model -> model.withTables(model.tables().stream()
                        .map(t -> t.name().equals("Orders") ? edit.apply(t) : t)
                        .toList()));
    }

    private static TableDesign addGsi(TableDesign table, String name, String partitionKey) {
        List<IndexDesign> gsis = new ArrayList<>(table.gsis());
        gsis.add(IndexDesign.of(name, KeyAttribute.string(partitionKey), null));
        return table.withGsis(gsis);
    }

    @Test
    void aProject_roundTripsThroughAProjectFile() throws Exception {
        try (ProjectStore<Project> store = ProjectFiles.create(project(), TestModels.shop())) {
            assertEquals(
                    "1 model, 1 table, 2 entity types, 4 access patterns",
                    store.currentVersion().summary());
        }
        try (ProjectStore<Project> store = ProjectFiles.open(project())) {
            assertEquals(TestModels.shop(), store.current());
        }
        try (ProjectStore<Project> store = ProjectFiles.openReadOnly(project())) {
            assertEquals(TestModels.shop(), store.load(1));
        }
    }

    @Test
    void compare_listsTheModelChangesBetweenTwoVersions() throws Exception {
        try (ProjectStore<Project> store = ProjectFiles.create(project(), TestModels.shop())) {
            Project withGsi = editOrders(TestModels.shop(), t -> addGsi(t, "GSI2", "status"));
            store.save(withGsi, "Add GSI2");
            assertEquals(
                    List.of("table Orders: GSI GSI2 added"),
                    ProjectFiles.compare(store, 1, 2).stream().map(Change::line).toList());
            assertEquals(
                    List.of("table Orders: GSI GSI2 removed"),
                    ProjectFiles.compare(store, 2, 1).stream().map(Change::line).toList());
            Project edited = editOrders(withGsi, t -> addGsi(t, "GSI3", "total"));
            assertEquals(
                    List.of("table Orders: GSI GSI3 added"),
                    ProjectFiles.compare(store, 2, edited).stream()
                            .map(Change::line)
                            .toList());
        }
    }

    @Test
    void editsUndoneAndSaved_throughEditHistory_endUpAsVersions() throws Exception {
        try (ProjectStore<Project> store = ProjectFiles.create(project(), TestModels.shop())) {
            EditHistory<Project> history = new EditHistory<>(store.current());
            history.apply("Add GSI2", p -> editOrders(p, t -> addGsi(t, "GSI2", "status")));
            history.apply("Add GSI3", p -> editOrders(p, t -> addGsi(t, "GSI3", "total")));
            history.undo();
            store.save(history.current(), history.undoLabel().orElseThrow());
            history.markSaved();

            assertFalse(history.isDirty());
            assertEquals("Add GSI2", store.currentVersion().message());
            assertEquals(
                    List.of("table Orders: GSI GSI2 added"),
                    ProjectFiles.compare(store, 1, 2).stream().map(Change::line).toList());
        }
    }

    @Test
    void aVersionInAFutureProjectFormat_refusesToOpen_withTheModelReadersMessage() throws Exception {
        try (ProjectStore<String> raw = ProjectStore.create(project(), TextCodec.INSTANCE, "{}")) {
            raw.save("{\"formatVersion\": 9, \"name\": \"Shop\"}", "written by a future build");
        }
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.open(project()));
        assertEquals(ProjectFileException.Problem.UNREADABLE_DOCUMENT, e.problem());
        assertEquals(
                "Cannot open shop.keysmith: version 2 cannot be read"
                        + " (Unsupported project formatVersion 9 (this version reads 1 to 1))",
                e.getMessage());
    }
}

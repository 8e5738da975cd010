package dev.keysmith.app.view.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.app.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain JUnit: the view model needs no JavaFX toolkit. */
class ShellViewModelTest {
    @TempDir
    Path directory;

    private Settings settings;
    private ShellViewModel viewModel;

    @BeforeEach
    void setUp() {
        settings = Settings.load(directory.resolve("config"));
        viewModel = new ShellViewModel(settings);
    }

    private Path projectFile(String name) throws IOException {
        return Files.writeString(directory.resolve(name), "");
    }

    @Test
    void startsOnTheModelArea_withNoProjectOpen() {
        assertEquals(Area.MODEL, viewModel.selectedAreaProperty().get());
        assertFalse(viewModel.projectOpenProperty().get());
        assertEquals("Keysmith", viewModel.windowTitleProperty().get());
        assertEquals("Ready", viewModel.statusMessageProperty().get());
    }

    @Test
    void navigate_selectsTheArea() {
        viewModel.navigate(Area.STREAMS);

        assertEquals(Area.STREAMS, viewModel.selectedAreaProperty().get());
    }

    @Test
    void newProject_opensAnUntitledProject() {
        viewModel.newProject();

        assertTrue(viewModel.projectOpenProperty().get());
        assertEquals(new ProjectSession.Untitled(), viewModel.sessionProperty().get());
        assertEquals("Untitled \u2014 Keysmith", viewModel.windowTitleProperty().get());
    }

    @Test
    void openProject_showsTheFileNameInTheTitle_andPutsTheFileFirstInRecentFiles() throws IOException {
        Path orders = projectFile("orders.keysmith");

        viewModel.openProject(orders);

        assertTrue(viewModel.projectOpenProperty().get());
        assertEquals(
                "orders.keysmith \u2014 Keysmith",
                viewModel.windowTitleProperty().get());
        assertEquals(List.of(orders), viewModel.recentFiles());
        assertEquals("Opened " + orders, viewModel.statusMessageProperty().get());
    }

    @Test
    void recentFiles_areRememberedAcrossRuns_newestFirst_withoutDuplicates() throws IOException {
        Path a = projectFile("a.keysmith");
        Path b = projectFile("b.keysmith");
        viewModel.openProject(a);
        viewModel.openProject(b);
        viewModel.openProject(a);

        ShellViewModel nextRun = new ShellViewModel(Settings.load(directory.resolve("config")));

        assertEquals(List.of(a, b), nextRun.recentFiles());
    }

    @Test
    void recentFiles_keepTheTenNewest() throws IOException {
        List<Path> opened = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path file = projectFile("p" + i + ".keysmith");
            viewModel.openProject(file);
            opened.addFirst(file);
        }

        assertEquals(opened.subList(0, 10), viewModel.recentFiles());
        assertEquals(
                IntStream.range(0, 10).mapToObj(i -> opened.get(i).toString()).toList(),
                settings.getList(ShellViewModel.RECENT_FILES_KEY));
    }

    @Test
    void recentFiles_cannotBeChangedFromOutside() {
        assertThrows(
                UnsupportedOperationException.class,
                () -> viewModel.recentFiles().add(directory));
    }

    @Test
    void openRecent_opensAnExistingFile() throws IOException {
        Path orders = projectFile("orders.keysmith");
        viewModel.openProject(orders);
        viewModel.newProject();

        viewModel.openRecent(orders);

        assertEquals(
                new ProjectSession.InFile(orders), viewModel.sessionProperty().get());
    }

    @Test
    void openRecent_dropsAFileThatNoLongerExists_andSaysSo() throws IOException {
        Path gone = projectFile("gone.keysmith");
        viewModel.openProject(gone);
        viewModel.newProject();
        Files.delete(gone);

        viewModel.openRecent(gone);

        assertEquals(new ProjectSession.Untitled(), viewModel.sessionProperty().get());
        assertEquals(List.of(), viewModel.recentFiles());
        assertEquals(List.of(), settings.getList(ShellViewModel.RECENT_FILES_KEY));
        assertTrue(viewModel.statusMessageProperty().get().contains("no longer exists"));
    }

    @Test
    void clearRecentFiles_emptiesTheRememberedList() throws IOException {
        viewModel.openProject(projectFile("a.keysmith"));

        viewModel.clearRecentFiles();

        assertEquals(List.of(), viewModel.recentFiles());
        assertEquals(List.of(), Settings.load(directory.resolve("config")).getList(ShellViewModel.RECENT_FILES_KEY));
    }

    @Test
    void save_saysSavingIsNotAvailable_andWritesNothing() throws IOException {
        Path orders = projectFile("orders.keysmith");
        viewModel.openProject(orders);

        viewModel.save();
        assertEquals(
                ShellViewModel.SAVING_UNAVAILABLE,
                viewModel.statusMessageProperty().get());
        viewModel.saveAs();
        assertEquals(
                ShellViewModel.SAVING_UNAVAILABLE,
                viewModel.statusMessageProperty().get());

        assertEquals("", Files.readString(orders));
    }

    @Test
    void save_doesNothing_whenNoProjectIsOpen() {
        viewModel.save();

        assertEquals("Ready", viewModel.statusMessageProperty().get());
    }
}

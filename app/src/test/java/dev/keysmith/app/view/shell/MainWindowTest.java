package dev.keysmith.app.view.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.keysmith.app.AppContext;
import dev.keysmith.app.settings.Settings;
import dev.keysmith.app.task.ErrorReporter;
import dev.keysmith.app.task.FxTaskRunner;
import dev.keysmith.app.task.TaskContext;
import dev.keysmith.app.testutil.Snapshots;
import dev.keysmith.app.testutil.TestVersion;
import dev.keysmith.app.theme.AppTheme;
import dev.keysmith.app.theme.ThemeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks through the shell under Monocle. Settings live in a temporary folder. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    /** The areas in sidebar order, with the shortcut digit and the title the issue asks for. */
    private record ExpectedArea(String navId, KeyCode digit, String title) {}

    private static final List<ExpectedArea> AREAS = List.of(
            new ExpectedArea("#nav-model", KeyCode.DIGIT1, "Model"),
            new ExpectedArea("#nav-data", KeyCode.DIGIT2, "Data"),
            new ExpectedArea("#nav-query", KeyCode.DIGIT3, "Query"),
            new ExpectedArea("#nav-capacity", KeyCode.DIGIT4, "Capacity & cost"),
            new ExpectedArea("#nav-streams", KeyCode.DIGIT5, "Streams"));

    @TempDir
    Path directory;

    private Stage stage;
    private AppContext context;
    private final List<Throwable> reported = new ArrayList<>();
    private final AtomicInteger quits = new AtomicInteger();
    private Optional<Path> fileToChoose = Optional.empty();

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
        context = newContext();
        context.themes().applyCurrent();
        new MainWindow(stage, context, (owner, initialDirectory) -> fileToChoose, quits::incrementAndGet).show();
    }

    private AppContext newContext() {
        Settings settings = Settings.load(configDirectory());
        ErrorReporter errors = (what, error) -> reported.add(error);
        return new AppContext(settings, errors, new FxTaskRunner(errors));
    }

    private Path configDirectory() {
        return directory.resolve("config");
    }

    @AfterEach
    void tearDown(FxRobot robot) throws TimeoutException {
        FxToolkit.cleanupStages();
        robot.interact(context::close);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void assertShowsEmptyState(FxRobot robot, ExpectedArea area) {
        assertEquals(area.title(), text(robot, "#area-title"));
        assertEquals("No project open", text(robot, "#empty-state-heading"));
        String sentence = text(robot, "#empty-state-text");
        assertTrue(sentence.startsWith("Open or create a project to "), sentence);
        assertTrue(sentence.endsWith("."), sentence);
        assertTrue(robot.lookup(area.navId()).queryAs(ToggleButton.class).isSelected(), area.navId());
    }

    private MenuItem menuItem(FxRobot robot, String menuText, String itemText) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu menu = bar.getMenus().stream()
                .filter(m -> m.getText().equals(menuText))
                .findFirst()
                .orElseThrow();
        return menu.getItems().stream()
                .filter(item -> itemText.equals(item.getText()))
                .findFirst()
                .orElseThrow();
    }

    private Path projectFile(String name) throws IOException {
        return Files.writeString(directory.resolve(name), "");
    }

    @Test
    void sidebar_navigatesToEveryArea_andShowsItsEmptyState(FxRobot robot) {
        assertShowsEmptyState(robot, AREAS.getFirst());
        for (ExpectedArea area : AREAS.reversed()) {
            robot.clickOn(area.navId());
            assertShowsEmptyState(robot, area);
        }
    }

    @Test
    void clickingTheSelectedSidebarItem_keepsItSelected(FxRobot robot) {
        robot.clickOn("#nav-model");

        assertShowsEmptyState(robot, AREAS.getFirst());
    }

    @Test
    void shortcutDigits_switchToEveryArea(FxRobot robot) {
        for (ExpectedArea area : List.of(AREAS.get(1), AREAS.get(2), AREAS.get(3), AREAS.get(4), AREAS.get(0))) {
            robot.push(KeyCode.SHORTCUT, area.digit());
            assertShowsEmptyState(robot, area);
        }
    }

    @Test
    void themeMenu_switchesTheStylesheet_andRemembersTheChoice(FxRobot robot) {
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());

        robot.clickOn("View").clickOn("Theme").clickOn("Primer Dark");

        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(
                Optional.of("PRIMER_DARK"), Settings.load(configDirectory()).get("theme"));
        assertEquals(
                AppTheme.PRIMER_DARK,
                new ThemeService(Settings.load(configDirectory()))
                        .themeProperty()
                        .get());
    }

    @Test
    void helpAbout_showsTheVersion(FxRobot robot) {
        robot.clickOn("Help").clickOn("About Keysmith");

        assertEquals("Version " + TestVersion.expected(), text(robot, "#about-version"));
        Snapshots.write(robot.lookup(".dialog-pane").queryAs(DialogPane.class), "about-dialog");
        robot.clickOn("Close");
        assertTrue(robot.lookup("#about-version").tryQuery().isEmpty());
    }

    @Test
    void windowPositionAndSize_areRestoredInTheNextRun(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(900);
            stage.setHeight(640);
        });
        robot.interact(stage::close);

        AtomicReference<Stage> next = new AtomicReference<>();
        robot.interact(() -> {
            next.set(new Stage());
            new MainWindow(next.get(), newContext(), (owner, dir) -> Optional.empty(), () -> {}).show();
        });

        assertEquals(40, next.get().getX());
        assertEquals(30, next.get().getY());
        assertEquals(900, next.get().getWidth());
        assertEquals(640, next.get().getHeight());
    }

    @Test
    void maximizedWindow_staysMaximizedInTheNextRun_andKeepsItsNormalBounds(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(50);
            stage.setY(60);
            stage.setWidth(800);
            stage.setHeight(600);
        });
        robot.interact(stage::close);
        robot.interact(() -> {
            stage.setMaximized(true);
            stage.show();
        });
        robot.interact(stage::close);

        Settings saved = Settings.load(configDirectory());
        assertEquals(Optional.of("true"), saved.get("window.maximized"));
        assertEquals(OptionalDouble.of(800), saved.getDouble("window.width"));
        AtomicReference<Stage> next = new AtomicReference<>();
        robot.interact(() -> {
            next.set(new Stage());
            new MainWindow(next.get(), newContext(), (owner, dir) -> Optional.empty(), () -> {}).show();
        });
        assertTrue(next.get().isMaximized());
    }

    @Test
    void windowState_thatIsOffEveryScreen_fallsBackToTheDefaultSize(FxRobot robot) {
        Settings.load(configDirectory())
                .putAll(Map.of(
                        "window.x", "-90000", "window.y", "-90000", "window.width", "800", "window.height", "600"));
        AtomicReference<Stage> next = new AtomicReference<>();
        robot.interact(() -> {
            next.set(new Stage());
            new MainWindow(next.get(), newContext(), (owner, dir) -> Optional.empty(), () -> {}).show();
        });

        assertEquals(MainWindow.DEFAULT_WIDTH, next.get().getWidth());
        assertEquals(MainWindow.DEFAULT_HEIGHT, next.get().getHeight());
        assertTrue(next.get().getX() > -90000);
    }

    @Test
    void open_showsTheFileInTheTitleAndInOpenRecent_andEnablesSave(FxRobot robot) throws IOException {
        assertTrue(menuItem(robot, "File", "Save").isDisable());
        assertTrue(menuItem(robot, "File", "Save As").isDisable());
        Path orders = projectFile("orders.keysmith");
        Path users = projectFile("users.keysmith");

        fileToChoose = Optional.of(orders);
        robot.push(KeyCode.SHORTCUT, KeyCode.O);
        fileToChoose = Optional.of(users);
        robot.clickOn("File");
        // the empty state has an "Open Project…" button too, so look for the menu item inside the open menu
        robot.clickOn(robot.lookup(".context-menu")
                .lookup(LabeledMatchers.hasText("Open Project\u2026"))
                .queryLabeled());

        assertEquals("users.keysmith \u2014 Keysmith", stage.getTitle());
        assertFalse(menuItem(robot, "File", "Save").isDisable());
        assertFalse(menuItem(robot, "File", "Save As").isDisable());
        assertEquals("users.keysmith", text(robot, "#sidebar-project"));

        robot.clickOn("File").clickOn("Open Recent").clickOn(orders.toString());

        assertEquals("orders.keysmith \u2014 Keysmith", stage.getTitle());
        assertEquals(
                List.of(orders.toString(), users.toString()),
                Settings.load(configDirectory()).getList("recent.files"));
    }

    @Test
    void open_cancelledInTheFileDialog_changesNothing(FxRobot robot) {
        robot.push(KeyCode.SHORTCUT, KeyCode.O);

        assertEquals("Keysmith", stage.getTitle());
        assertEquals("Ready", text(robot, "#status-message"));
    }

    @Test
    void save_isOnlyAvailableWithAProject_andSaysItCannotSaveYet(FxRobot robot) {
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        assertEquals("Ready", text(robot, "#status-message"));

        robot.push(KeyCode.SHORTCUT, KeyCode.N);
        assertEquals("Untitled \u2014 Keysmith", stage.getTitle());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.S);

        assertTrue(text(robot, "#status-message").startsWith("Saving is not available yet"));
    }

    @Test
    void newProjectButton_inTheEmptyState_opensAnUntitledProject(FxRobot robot) {
        robot.clickOn("New Project");

        assertEquals("Untitled \u2014 Keysmith", stage.getTitle());
        assertEquals("Not built yet", text(robot, "#empty-state-heading"));
        assertFalse(robot.lookup(".empty-state-actions").query().isVisible());
    }

    @Test
    void quitShortcut_closesTheWindowAndEndsTheApplication(FxRobot robot) {
        robot.push(KeyCode.SHORTCUT, KeyCode.Q);

        assertEquals(1, quits.get());
        assertFalse(stage.isShowing());
    }

    @Test
    void statusBar_showsTheRunningTask_andItsCancelButtonCancelsIt(FxRobot robot) throws Exception {
        assertFalse(robot.lookup("#status-running").query().isVisible());
        CountDownLatch progressReported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        robot.interact(() -> context.tasks()
                .submit(
                        "Import",
                        (TaskContext task) -> {
                            task.updateProgress(1, 4);
                            task.updateMessage("Reading items");
                            progressReported.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                cancelled.complete(task.isCancelled());
                            }
                            return null;
                        },
                        value -> {}));
        assertTrue(progressReported.await(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#status-running").query().isVisible());
        assertEquals("Import: Reading items", text(robot, "#status-task"));
        assertEquals(
                0.25,
                robot.lookup("#status-progress").queryAs(ProgressBar.class).getProgress());

        robot.clickOn("#status-cancel");

        assertTrue(cancelled.get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#status-running").query().isVisible());
        assertEquals(List.of(), reported);
    }
}

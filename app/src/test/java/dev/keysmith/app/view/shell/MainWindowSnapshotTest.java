package dev.keysmith.app.view.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.app.AppContext;
import dev.keysmith.app.settings.Settings;
import dev.keysmith.app.task.DirectTaskRunner;
import dev.keysmith.app.task.ErrorReporter;
import dev.keysmith.app.testutil.Snapshots;
import dev.keysmith.app.theme.AppTheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Writes main-window snapshots in every theme to app/target/snapshots/ for a person to review. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSnapshotTest {
    @TempDir
    Path directory;

    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
        ErrorReporter errors = (what, error) -> {
            throw new AssertionError(what, error);
        };
        context = new AppContext(Settings.load(directory), errors, new DirectTaskRunner(errors));
        context.themes().applyCurrent();
        new MainWindow(stage, context, (owner, initialDirectory) -> Optional.empty(), () -> {}).show();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void writesTheMainWindowInEveryTheme(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        for (AppTheme theme : AppTheme.values()) {
            robot.interact(() -> context.themes().apply(theme));

            Path file = Snapshots.write(stage, "main-window-" + theme.name().toLowerCase(Locale.ROOT));

            assertTrue(Files.isRegularFile(file), file.toString());
        }
    }

    @Test
    void writesAnAreaWithAProjectOpen(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(700);
            context.shell().newProject();
            context.shell().navigate(Area.CAPACITY);
        });

        Path file = Snapshots.write(stage, "main-window-project-open");

        assertTrue(Files.isRegularFile(file), file.toString());
    }
}

package dev.keysmith.app.view.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.app.AppContext;
import dev.keysmith.app.settings.Settings;
import dev.keysmith.app.task.ErrorReporter;
import dev.keysmith.app.task.FxTaskRunner;
import dev.keysmith.app.testutil.Snapshots;
import dev.keysmith.app.theme.AppTheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        context = new AppContext(Settings.load(directory), errors, new FxTaskRunner(errors));
        context.themes().applyCurrent();
        new MainWindow(stage, context, (owner, initialDirectory) -> Optional.empty(), () -> {}).show();
    }

    @AfterEach
    void tearDown(FxRobot robot) throws TimeoutException {
        FxToolkit.cleanupStages();
        robot.interact(context::close);
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

    @Test
    void writesTheStatusBarWithARunningTask(FxRobot robot) throws InterruptedException {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(700);
            context.themes().apply(AppTheme.PRIMER_DARK);
            context.tasks()
                    .submit(
                            "Generating sample items",
                            task -> {
                                task.updateProgress(420, 1000);
                                task.updateMessage("Orders");
                                reported.countDown();
                                release.await();
                                return null;
                            },
                            value -> {});
        });
        assertTrue(reported.await(30, TimeUnit.SECONDS));

        Path file = Snapshots.write(stage, "main-window-task-running");
        release.countDown();

        assertTrue(Files.isRegularFile(file), file.toString());
    }
}

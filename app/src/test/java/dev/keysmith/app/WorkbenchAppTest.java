package dev.keysmith.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerLight;
import dev.keysmith.app.settings.ConfigDirectory;
import dev.keysmith.app.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Starts the real application twice, with its settings in a temporary folder given by keysmith.config.dir. */
class WorkbenchAppTest {
    @TempDir
    Path configDirectory;

    private Thread.UncaughtExceptionHandler previousHandler;
    private Stage stage;

    @BeforeEach
    void setUp() throws TimeoutException {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDirectory.toString());
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        FxToolkit.cleanupStages();
    }

    @Test
    void theThemeChosenInOneRun_isAppliedAtTheStartOfTheNext() throws TimeoutException {
        FxRobot robot = new FxRobot();
        Application firstRun = FxToolkit.setupApplication(WorkbenchApp.class);
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals("Keysmith", stage.getTitle());

        robot.clickOn("View").clickOn("Theme").clickOn("Nord Dark");
        FxToolkit.cleanupApplication(firstRun);
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        Application secondRun = FxToolkit.setupApplication(WorkbenchApp.class);
        assertEquals(new NordDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        FxToolkit.cleanupApplication(secondRun);

        assertTrue(Files.isRegularFile(configDirectory.resolve(Settings.FILE_NAME)));
    }
}

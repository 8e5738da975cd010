package dev.keysmith.app.view.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.keysmith.app.testutil.Snapshots;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AlertErrorReporterTest {
    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void report_fromABackgroundThread_showsWhatFailedAndTheMessage_withTheStackTraceUnderDetails(FxRobot robot)
            throws InterruptedException {
        Thread worker = new Thread(() -> new AlertErrorReporter()
                .report("Loading project orders.keysmith", new IllegalStateException("Not a Keysmith project")));
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Loading project orders.keysmith failed", pane.getHeaderText());
        assertEquals("Not a Keysmith project", pane.getContentText());

        robot.clickOn("Show Details");

        TextArea trace = robot.lookup("#error-stack-trace").queryAs(TextArea.class);
        assertTrue(trace.isVisible());
        assertTrue(
                trace.getText().startsWith("java.lang.IllegalStateException: Not a Keysmith project"), trace.getText());
        assertTrue(trace.getText().contains("at dev.keysmith.app.view.dialog.AlertErrorReporterTest"));
        Snapshots.write(pane, "error-dialog");
    }

    @Test
    void errorWithoutAMessage_showsItsClassName(FxRobot robot) {
        robot.interact(() -> new AlertErrorReporter().report("Export", new NullPointerException()));

        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("java.lang.NullPointerException", pane.getContentText());
    }
}

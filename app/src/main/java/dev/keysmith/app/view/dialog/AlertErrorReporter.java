package dev.keysmith.app.view.dialog;

import dev.keysmith.app.task.ErrorReporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Shows each failure in an error dialog: what failed, the message, and the stack trace under "Show Details". */
public final class AlertErrorReporter implements ErrorReporter {
    @Override
    public void report(String what, Throwable error) {
        if (Platform.isFxApplicationThread()) {
            show(what, error);
        } else {
            Platform.runLater(() -> show(what, error));
        }
    }

    /** Builds and shows the dialog without blocking; returns it so callers (and tests) can close it. */
    static Alert show(String what, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Keysmith");
        alert.setHeaderText(what + " failed");
        alert.setContentText(messageOf(error));

        TextArea trace = new TextArea(stackTraceOf(error));
        trace.setId("error-stack-trace");
        trace.setEditable(false);
        trace.setPrefRowCount(14);
        trace.setPrefColumnCount(80);
        VBox.setVgrow(trace, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(6, new Label("Stack trace:"), trace));
        DialogStyles.apply(alert.getDialogPane());
        alert.show();
        return alert;
    }

    private static String messageOf(Throwable error) {
        return Objects.requireNonNullElse(error.getMessage(), error.getClass().getName());
    }

    private static String stackTraceOf(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

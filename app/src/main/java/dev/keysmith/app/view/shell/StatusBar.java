package dev.keysmith.app.view.shell;

import atlantafx.base.theme.Styles;
import dev.keysmith.app.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom bar: the shell's status message at the left, the running background task at the right. */
final class StatusBar extends HBox {
    StatusBar(ShellViewModel viewModel, TaskRunner tasks) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("status-message");
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(viewModel.statusMessageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        Label task = new Label();
        task.setId("status-task");
        task.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        task.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> tasks.messageProperty().get().isEmpty()
                                ? tasks.titleProperty().get()
                                : tasks.titleProperty().get() + ": "
                                        + tasks.messageProperty().get(),
                        tasks.titleProperty(),
                        tasks.messageProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.getStyleClass().add(Styles.SMALL);
        progress.progressProperty().bind(tasks.progressProperty());
        Button cancel = new Button(null, new FontIcon(Feather.X));
        cancel.setId("status-cancel");
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        cancel.setTooltip(new Tooltip("Cancel"));
        cancel.setOnAction(event -> tasks.cancelRunning());
        HBox running = new HBox(task, progress, cancel);
        running.setId("status-running");
        running.getStyleClass().add("status-task");
        running.setAlignment(Pos.CENTER_RIGHT);
        running.visibleProperty().bind(tasks.runningProperty());
        running.managedProperty().bind(running.visibleProperty());

        getChildren().addAll(message, running);
    }
}

package dev.keysmith.app.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** The observable state and error reporting both runners share; subclasses decide where work runs. */
abstract sealed class AbstractTaskRunner implements TaskRunner permits DirectTaskRunner, FxTaskRunner {
    final ActiveTasks active = new ActiveTasks();
    private final ErrorReporter errorReporter;

    AbstractTaskRunner(ErrorReporter errorReporter) {
        this.errorReporter = errorReporter;
    }

    @Override
    public final <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<? super T> onSuccess) {
        return submit(title, work, onSuccess, error -> errorReporter.report(title, error));
    }

    @Override
    public final ReadOnlyBooleanProperty runningProperty() {
        return active.runningProperty();
    }

    @Override
    public final ReadOnlyStringProperty titleProperty() {
        return active.titleProperty();
    }

    @Override
    public final ReadOnlyStringProperty messageProperty() {
        return active.messageProperty();
    }

    @Override
    public final ReadOnlyDoubleProperty progressProperty() {
        return active.progressProperty();
    }
}

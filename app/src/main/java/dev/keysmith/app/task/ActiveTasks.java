package dev.keysmith.app.task;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The tasks a runner has started and not yet finished, and the observable state of the newest one. Used only from the
 * runner's UI thread.
 */
final class ActiveTasks {
    private final List<Entry> entries = new ArrayList<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);

    /** One task: its title, its latest message and progress, and how to cancel it. */
    final class Entry {
        final String title;
        final StringProperty message = new SimpleStringProperty("");
        final DoubleProperty progress = new SimpleDoubleProperty(-1);
        private final Runnable canceller;

        private Entry(String title, Runnable canceller) {
            this.title = title;
            this.canceller = canceller;
            message.addListener((observable, old, now) -> refresh());
            progress.addListener((observable, old, now) -> refresh());
        }
    }

    /** {@code done / total} clamped to 1, or -1 (unknown) when {@code total} is not positive or {@code done} negative. */
    static double fraction(long done, long total) {
        return total <= 0 || done < 0 ? -1 : Math.min(1.0, (double) done / total);
    }

    Entry start(String taskTitle, Runnable canceller) {
        Entry entry = new Entry(taskTitle, canceller);
        entries.add(entry);
        refresh();
        return entry;
    }

    void finish(Entry entry) {
        entries.remove(entry);
        refresh();
    }

    void cancelNewest() {
        if (!entries.isEmpty()) {
            entries.getLast().canceller.run();
        }
    }

    void cancelAll() {
        List.copyOf(entries).forEach(entry -> entry.canceller.run());
    }

    private void refresh() {
        if (entries.isEmpty()) {
            running.set(false);
            title.set("");
            message.set("");
            progress.set(0);
        } else {
            Entry newest = entries.getLast();
            title.set(newest.title);
            message.set(newest.message.get());
            progress.set(newest.progress.get());
            running.set(true);
        }
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}

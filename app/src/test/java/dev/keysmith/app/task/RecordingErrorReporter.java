package dev.keysmith.app.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records reported failures instead of showing them. */
final class RecordingErrorReporter implements ErrorReporter {
    record Report(String what, Throwable error) {}

    final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public void report(String what, Throwable error) {
        reports.add(new Report(what, error));
    }
}

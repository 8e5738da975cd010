package dev.keysmith.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DirectTaskRunnerTest {
    private final RecordingErrorReporter reporter = new RecordingErrorReporter();
    private final DirectTaskRunner runner = new DirectTaskRunner(reporter);
    private final List<Object> successes = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void success_handsTheResultToOnSuccess_beforeSubmitReturns() {
        runner.submit("Count", context -> 42, successes::add, failures::add);

        assertEquals(List.of(42), successes);
        assertEquals(List.of(), failures);
        assertFalse(runner.runningProperty().get());
    }

    @Test
    void failure_handsTheExceptionToOnFailure() {
        IOException boom = new IOException("disk full");

        runner.submit(
                "Write",
                context -> {
                    throw boom;
                },
                successes::add,
                failures::add);

        assertEquals(List.of(), successes);
        assertEquals(List.of(boom), failures);
        assertEquals(List.of(), reporter.reports);
    }

    @Test
    void failure_withoutAFailureCallback_goesToTheErrorReporter_withTheTaskTitle() {
        IllegalStateException boom = new IllegalStateException("no table");

        runner.submit(
                "Load sample data",
                context -> {
                    throw boom;
                },
                successes::add);

        assertEquals(1, reporter.reports.size());
        assertEquals("Load sample data", reporter.reports.getFirst().what());
        assertSame(boom, reporter.reports.getFirst().error());
    }

    @Test
    void state_describesTheRunningTask_whileItRuns_andIsClearedAfterwards() {
        List<String> seen = new ArrayList<>();
        runner.submit(
                "Import",
                context -> {
                    seen.add(runner.runningProperty().get() + " "
                            + runner.titleProperty().get() + " "
                            + runner.progressProperty().get());
                    context.updateProgress(1, 4);
                    context.updateMessage("Reading items");
                    seen.add(runner.progressProperty().get() + " "
                            + runner.messageProperty().get());
                    context.updateProgress(5, 4);
                    seen.add(Double.toString(runner.progressProperty().get()));
                    context.updateProgress(3, -1);
                    seen.add(Double.toString(runner.progressProperty().get()));
                    return null;
                },
                successes::add);

        assertEquals(List.of("true Import -1.0", "0.25 Reading items", "1.0", "-1.0"), seen);
        assertFalse(runner.runningProperty().get());
        assertEquals("", runner.titleProperty().get());
        assertEquals("", runner.messageProperty().get());
    }

    @Test
    void cancelRunning_isSeenByTheWork_andSkipsBothCallbacks() {
        AtomicReference<Boolean> cancelledBefore = new AtomicReference<>();
        AtomicReference<Boolean> cancelledAfter = new AtomicReference<>();

        TaskHandle handle = runner.submit(
                "Long job",
                context -> {
                    cancelledBefore.set(context.isCancelled());
                    runner.cancelRunning(); // what the status bar's cancel button does
                    cancelledAfter.set(context.isCancelled());
                    return "finished anyway";
                },
                successes::add,
                failures::add);

        assertFalse(cancelledBefore.get());
        assertTrue(cancelledAfter.get());
        assertTrue(handle.isCancelled());
        assertEquals(List.of(), successes);
        assertEquals(List.of(), failures);
        assertFalse(runner.runningProperty().get());
    }

    @Test
    void cancelled_taskThatThrows_doesNotReportTheFailure() {
        runner.submit(
                "Long job",
                context -> {
                    runner.cancelRunning();
                    throw new InterruptedException("stopped");
                },
                successes::add);

        assertEquals(List.of(), reporter.reports);
    }

    @Test
    void nestedTasks_stateShowsTheNewest_thenTheOuterOneAgain() {
        List<String> titles = new ArrayList<>();
        runner.submit(
                "Outer",
                outer -> {
                    runner.submit(
                            "Inner", inner -> titles.add(runner.titleProperty().get()), successes::add);
                    titles.add(runner.titleProperty().get());
                    return null;
                },
                successes::add);

        assertEquals(List.of("Inner", "Outer"), titles);
    }

    @Test
    void cancelRunning_withNothingRunning_doesNothing() {
        runner.cancelRunning();

        assertFalse(runner.runningProperty().get());
    }
}

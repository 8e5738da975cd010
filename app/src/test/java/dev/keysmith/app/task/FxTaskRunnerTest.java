package dev.keysmith.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FxTaskRunnerTest {
    private static final long WAIT_SECONDS = 30;

    private final RecordingErrorReporter reporter = new RecordingErrorReporter();
    private final FxTaskRunner runner = onFx(() -> new FxTaskRunner(reporter));
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeRunner() {
        release.countDown();
        onFx(() -> {
            runner.close();
            return null;
        });
    }

    private static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX action failed", e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), "timed out waiting for the task");
    }

    @Test
    void success_runsTheWorkOnADaemonBackgroundThread_andCallsOnSuccessOnTheFxThread() throws Exception {
        CompletableFuture<Thread> workThread = new CompletableFuture<>();
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<Boolean> callbackOnFx = new CompletableFuture<>();

        onFx(() -> runner.submit(
                "Compute",
                context -> {
                    workThread.complete(Thread.currentThread());
                    return "done";
                },
                value -> {
                    callbackOnFx.complete(Platform.isFxApplicationThread());
                    result.complete(value);
                },
                result::completeExceptionally));

        assertEquals("done", await(result));
        assertTrue(await(callbackOnFx));
        assertTrue(await(workThread).isDaemon());
        assertTrue(await(workThread).getName().startsWith("keysmith-task-"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> runner.runningProperty().get()));
    }

    @Test
    void failure_handsTheExceptionToOnFailureOnTheFxThread() throws Exception {
        IOException boom = new IOException("disk full");
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> callbackOnFx = new CompletableFuture<>();

        onFx(() -> runner.submit(
                "Write",
                context -> {
                    throw boom;
                },
                value -> failure.complete(new AssertionError("succeeded")),
                error -> {
                    callbackOnFx.complete(Platform.isFxApplicationThread());
                    failure.complete(error);
                }));

        assertSame(boom, await(failure));
        assertTrue(await(callbackOnFx));
        assertEquals(0, reporter.reports.size());
    }

    @Test
    void failure_withoutAFailureCallback_goesToTheErrorReporter() throws Exception {
        IllegalStateException boom = new IllegalStateException("no table");

        onFx(() -> runner.submit(
                "Load sample data",
                context -> {
                    throw boom;
                },
                value -> {}));

        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !reporter.reports.isEmpty());
        assertEquals("Load sample data", reporter.reports.getFirst().what());
        assertSame(boom, reporter.reports.getFirst().error());
    }

    @Test
    void progressAndMessage_reachTheObservableState_whileTheTaskRuns() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CompletableFuture<Object> finished = new CompletableFuture<>();

        onFx(() -> runner.submit(
                "Import items",
                context -> {
                    context.updateProgress(1, 4);
                    context.updateMessage("Reading items");
                    reported.countDown();
                    release.await();
                    return "ok";
                },
                finished::complete,
                finished::completeExceptionally));
        await(reported);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(onFx(() -> runner.runningProperty().get()));
        assertEquals("Import items", onFx(() -> runner.titleProperty().get()));
        assertEquals("Reading items", onFx(() -> runner.messageProperty().get()));
        assertEquals(0.25, onFx(() -> runner.progressProperty().get()));

        release.countDown();
        assertEquals("ok", await(finished));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> runner.runningProperty().get()));
        assertEquals("", onFx(() -> runner.titleProperty().get()));
    }

    @Test
    void cancelRunning_interruptsTheWork_andSkipsBothCallbacks() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> workSawCancellation = new CompletableFuture<>();
        CompletableFuture<Object> callback = new CompletableFuture<>();

        TaskHandle handle = onFx(() -> runner.submit(
                "Long job",
                context -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        workSawCancellation.complete(context.isCancelled());
                        throw e;
                    }
                    return "not cancelled";
                },
                callback::complete,
                callback::complete));
        await(started);

        onFx(() -> {
            runner.cancelRunning();
            return null;
        });

        assertTrue(await(workSawCancellation));
        assertTrue(handle.isCancelled());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> runner.runningProperty().get()));
        assertFalse(callback.isDone());
        assertEquals(0, reporter.reports.size());
    }

    @Test
    void handleCancel_stopsATaskThatPollsForCancellation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> loopEnded = new CompletableFuture<>();

        TaskHandle handle = onFx(() -> runner.submit(
                "Polling job",
                context -> {
                    started.countDown();
                    long steps = 0;
                    while (!context.isCancelled()) {
                        context.updateProgress(++steps, Long.MAX_VALUE);
                        Thread.onSpinWait();
                    }
                    loopEnded.complete(true);
                    return steps;
                },
                value -> {}));
        await(started);

        handle.cancel();

        assertTrue(await(loopEnded)); // times out if the loop never sees the cancellation
        assertTrue(handle.isCancelled());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> runner.runningProperty().get()));
    }

    @Test
    void submit_offTheFxThread_isRejected() {
        assertThrows(IllegalStateException.class, () -> runner.submit("Wrong thread", context -> 1, value -> {}));
    }
}

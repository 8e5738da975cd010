package dev.keysmith.app.cli;

import dev.keysmith.modeler.io.ImportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Base of the commands that read a model: runs {@link #run()} and turns every expected failure (a bad or missing input
 * file, a refused request, a target that cannot be reached) into one line on standard error and exit status 1.
 */
abstract class ModelCommand implements Callable<Integer> {

    @Spec
    @Nullable
    CommandSpec spec;

    /** Does the work; returns the exit status. */
    abstract int run() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (ImportException | CliFailure e) {
            return fail(e.getMessage());
        } catch (NoSuchFileException e) {
            return fail("no such file: " + e.getFile());
        } catch (AccessDeniedException e) {
            return fail("cannot read " + e.getFile() + ": permission denied");
        } catch (IOException e) {
            return fail(e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(e.getCause().getMessage());
        } catch (SdkException e) {
            return fail("the target refused or could not be reached: " + e.getMessage());
        } catch (RuntimeException e) {
            return fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (Exception e) {
            return fail(e.toString());
        }
    }

    private int fail(String message) {
        err().println("keysmith " + spec.name() + ": " + message);
        err().flush();
        return CommandLine.ExitCode.SOFTWARE;
    }
}

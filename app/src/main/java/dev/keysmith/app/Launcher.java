package dev.keysmith.app;

import dev.keysmith.app.cli.EstimateCommand;
import dev.keysmith.app.cli.ExportCommand;
import dev.keysmith.app.cli.ImportCommand;
import dev.keysmith.app.cli.LintCommand;
import dev.keysmith.app.cli.MaterializeCommand;
import dev.keysmith.app.cli.PatternsCommand;
import dev.keysmith.app.cli.ServeCommand;
import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code keysmith} command. Without arguments it opens the workbench; {@code --help} and {@code --version} print
 * and exit. Subcommands live in {@code dev.keysmith.app.cli}, one class each, and are registered in the
 * {@code subcommands} attribute below.
 *
 * <p>This class deliberately does not extend {@link Application}: a plain main class lets the application start from
 * the class path, where JavaFX is not a named module.
 */
@Command(
        name = "keysmith",
        mixinStandardHelpOptions = true,
        versionProvider = Launcher.Version.class,
        description = "Design DynamoDB data models. Without a command, opens the Keysmith workbench.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            LintCommand.class,
            MaterializeCommand.class,
            PatternsCommand.class,
            EstimateCommand.class
        })
public final class Launcher implements Callable<Integer> {
    private final Runnable workbench;

    private Launcher(Runnable workbench) {
        this.workbench = workbench;
    }

    public static void main(String[] args) {
        System.exit(commandLine(() -> Application.launch(WorkbenchApp.class)).execute(args));
    }

    /** The {@code keysmith} command line; {@code workbench} runs when no subcommand or option is given. */
    public static CommandLine commandLine(Runnable workbench) {
        return new CommandLine(new Launcher(workbench));
    }

    @Override
    public Integer call() {
        workbench.run();
        return CommandLine.ExitCode.OK;
    }

    /** Prints {@code keysmith <version>}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"keysmith " + AppVersion.current()};
        }
    }
}

package dev.keysmith.app.cli;

import dev.keysmith.modeler.io.ImportResult;
import dev.keysmith.modeler.store.ProjectFiles;
import dev.keysmith.modeler.store.ProjectStore;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keysmith import FILE -o PROJECT}: creates a project file from a NoSQL Workbench, CloudFormation or CLI file;
 * {@code keysmith import --endpoint URL [--table NAME]... -o PROJECT} (or {@code --data DIR}): from live tables.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import a NoSQL Workbench model, a CloudFormation template (JSON or YAML) or AWS CLI create-table"
                    + " JSON into a new project file; the format is detected from the content.",
            "With --endpoint (any DynamoDB endpoint) or --data (an embedded engine's data folder) instead of FILE,"
                    + " import live tables: their definitions, plus entity types, key templates and attributes"
                    + " inferred from a sample of their items, which the project keeps as sample data."
        })
public final class ImportCommand extends ModelCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The file to import.")
    @Nullable
    Path input;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    @Nullable
    TargetOptions target;

    @Mixin
    LiveImportArgs live;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "PROJECT",
            description = "The project file to create (must end with .keysmith and not exist).")
    Path output;

    @Override
    int run() throws Exception {
        if ((input == null) == (target == null)) {
            throw new CliFailure("give either FILE or one of --endpoint URL and --data DIR");
        }
        ImportResult result;
        if (target == null) {
            if (live.given()) {
                throw new CliFailure("--table, --sample and --profile apply to --endpoint and --data only");
            }
            result = ModelFiles.importFile(input);
        } else {
            result = live.read(target, projectName(output));
        }
        ProjectFiles.create(output, result.project()).close();
        result.warnings().forEach(w -> err().println("warning: " + w));
        int tables = result.project().models().stream()
                .mapToInt(m -> m.tables().size())
                .sum();
        long entities = result.project().models().stream()
                .flatMap(m -> m.tables().stream())
                .mapToLong(t -> t.entities().size())
                .sum();
        out().println("Imported " + result.project().name() + " (" + tables + " tables, " + entities
                + " entity types) into " + output);
        return 0;
    }

    /** {@code shop} for {@code shop.keysmith}. */
    private static String projectName(Path output) {
        String name = output.getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION)
                ? name.substring(0, name.length() - ProjectStore.EXTENSION.length())
                : name;
    }
}

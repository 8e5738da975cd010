package dev.keysmith.app.cli;

import dev.keysmith.modeler.io.ImportResult;
import dev.keysmith.modeler.store.ProjectFiles;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keysmith import FILE -o PROJECT}: creates a project file from a NoSQL Workbench, CloudFormation or CLI file. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a NoSQL Workbench model, a CloudFormation template (JSON or YAML) or AWS CLI create-table"
                + " JSON into a new project file; the format is detected from the content.")
public final class ImportCommand extends ModelCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    Path input;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "PROJECT",
            description = "The project file to create (must end with .keysmith and not exist).")
    Path output;

    @Override
    int run() throws Exception {
        ImportResult result = ModelFiles.importFile(input);
        ProjectFiles.create(output, result.project()).close();
        result.warnings().forEach(w -> err().println("warning: " + w));
        out().println("Imported " + result.project().name() + " ("
                + result.project().models().stream()
                        .mapToInt(m -> m.tables().size())
                        .sum() + " tables) into "
                + output);
        return 0;
    }
}

package dev.keysmith.app.cli;

import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.validate.Diagnostic;
import dev.keysmith.modeler.validate.ModelValidator;
import dev.keysmith.modeler.validate.Severity;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keysmith lint PROJECT|FILE}: prints the model checks' findings; exit status 1 when one is an error. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Check a project or model file and print the findings (exit status 1 when there are errors).")
public final class LintCommand extends ModelCommand {

    @Parameters(index = "0", paramLabel = "PROJECT|FILE", description = "A .keysmith project or a file to import.")
    Path input;

    @Override
    int run() throws Exception {
        Project project = ModelFiles.project(input);
        List<Diagnostic> diagnostics = ModelValidator.validate(project);
        diagnostics.forEach(d -> out().println(d));
        long errors =
                diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .count();
        out().println(errors + " errors, " + warnings + " warnings, " + (diagnostics.size() - errors - warnings)
                + " notes");
        return errors > 0 ? 1 : 0;
    }
}

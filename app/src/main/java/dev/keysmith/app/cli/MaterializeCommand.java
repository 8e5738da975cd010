package dev.keysmith.app.cli;

import dev.keysmith.modeler.engine.Materializer;
import dev.keysmith.modeler.model.DataModel;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keysmith materialize PROJECT (--endpoint URL | --data DIR)}: creates the tables and loads sample data. */
@Command(
        name = "materialize",
        mixinStandardHelpOptions = true,
        description = "Create or update a model's tables on a target and load generated sample data.")
public final class MaterializeCommand extends ModelCommand {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "A .keysmith project or a NoSQL Workbench file.")
    Path project;

    @Option(names = "--model", description = "The data model (default: the first).")
    @Nullable
    String model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TargetOptions target;

    @Option(names = "--profile", description = "The AWS profile for --endpoint (default: the default chain's).")
    @Nullable
    String profile;

    @Mixin
    LoadOptions load;

    @Option(names = "--allow-destructive", description = "Allow steps that delete items (recreating a table).")
    boolean allowDestructive;

    @Override
    int run() throws Exception {
        DataModel m = ModelFiles.model(ModelFiles.project(project), model);
        try (TargetOptions.Opened opened = target.open(profile)) {
            LoadOptions.materialize(new Materializer(opened.client()), m, load.generation(m), allowDestructive, out());
        }
        return 0;
    }
}

package dev.keysmith.app.cli;

import dev.keysmith.engine.trace.ExecutionTrace;
import dev.keysmith.modeler.engine.Materializer;
import dev.keysmith.modeler.engine.PatternResult;
import dev.keysmith.modeler.engine.PatternRunner;
import dev.keysmith.modeler.model.DataModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keysmith patterns PROJECT (--endpoint URL | --data DIR)}: runs the access patterns and reports on each. */
@Command(
        name = "patterns",
        mixinStandardHelpOptions = true,
        description = "Run a model's access patterns against materialized data and report on each (exit status 1"
                + " when one fails). A new or empty --data folder is materialized with sample data first.")
public final class PatternsCommand extends ModelCommand {

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

    @Override
    int run() throws Exception {
        target.check();
        DataModel m = ModelFiles.model(ModelFiles.project(project), model);
        if (m.patterns().isEmpty()) {
            out().println("The model " + m.name() + " has no access patterns.");
            return 0;
        }
        List<PatternResult> results;
        try (TargetOptions.Opened opened = target.open(profile)) {
            if (opened.fresh()) {
                out().println("Materializing " + m.name() + " into the new data folder:");
                LoadOptions.materialize(new Materializer(opened.client()), m, load.generation(m), false, out());
            }
            results = new PatternRunner(opened.client()).run(m);
        }
        results.forEach(r -> print(r, out()));
        long failed = results.stream().filter(r -> !r.met()).count();
        out().println((results.size() - failed) + " of " + results.size() + " patterns met their expectations.");
        return failed > 0 ? 1 : 0;
    }

    private static void print(PatternResult r, PrintWriter out) {
        String status = r.unservable() != null ? "UNSERVABLE" : r.met() ? "OK" : "FAIL";
        out.println("[" + status + "] " + r.pattern().id() + " " + r.pattern().name());
        if (r.unservable() != null) {
            out.println("    why: " + r.unservable());
            return;
        }
        out.println("    request: " + r.request());
        out.printf(
                "    returned %d item(s) %s, %.1f capacity units %s%n",
                r.itemsReturned(), r.entityTypes(), r.consumedCapacity(), r.indexCapacity());
        for (ExecutionTrace t : r.traces()) {
            out.println("    engine: " + t.operation() + " on " + t.tableName()
                    + (t.indexName() == null ? "" : " index " + t.indexName())
                    + (t.sortKeyRange() == null ? "" : ", " + t.sortKeyRange())
                    + ", read " + t.itemsRead() + ", returned " + t.itemsReturned());
        }
        r.problems().forEach(p -> out.println("    problem: " + p));
    }
}

package dev.keysmith.app.cli;

import dev.keysmith.modeler.estimate.CapacityEstimator;
import dev.keysmith.modeler.estimate.EstimateOptions;
import dev.keysmith.modeler.estimate.EstimateReport;
import dev.keysmith.modeler.estimate.PriceTable;
import dev.keysmith.modeler.estimate.ReportFormat;
import dev.keysmith.modeler.model.Project;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keysmith estimate PROJECT|FILE [--prices FILE] [--format text|json|csv|markdown]}: the per-pattern and total
 * capacity and cost breakdown, with the assumptions and the price table's date.
 */
@Command(
        name = "estimate",
        mixinStandardHelpOptions = true,
        description = "Estimate capacity and monthly cost per access pattern, on-demand versus provisioned.")
public final class EstimateCommand extends ModelCommand {

    @Parameters(index = "0", paramLabel = "PROJECT|FILE", description = "A .keysmith project or a file to import.")
    Path input;

    @Option(names = "--prices", paramLabel = "FILE", description = "A price table to use instead of the bundled one.")
    @Nullable
    Path prices;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--model", paramLabel = "NAME", description = "The model to estimate (default: the first).")
    @Nullable
    String model;

    @Option(names = "--free-tier", description = "Apply the account's free tier.")
    boolean freeTier;

    @Override
    int run() throws Exception {
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("unknown --format '" + format + "': use text, json, csv or markdown");
        }
        Project project = ModelFiles.project(input);
        EstimateOptions options = EstimateOptions.defaults().withFreeTier(freeTier);
        if (prices != null) {
            options = options.withPrices(PriceTable.load(prices));
        }
        EstimateReport report = model == null
                ? CapacityEstimator.estimate(project, options)
                : CapacityEstimator.estimate(project, model, options);
        out().print(CapacityEstimator.render(report, reportFormat));
        out().flush();
        return 0;
    }
}

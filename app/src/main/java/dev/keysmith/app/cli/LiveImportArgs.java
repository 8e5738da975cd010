package dev.keysmith.app.cli;

import dev.keysmith.modeler.io.ImportException;
import dev.keysmith.modeler.io.ImportResult;
import dev.keysmith.modeler.io.LiveImportOptions;
import dev.keysmith.modeler.io.LiveTableImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options of {@code keysmith import} that read live tables, from {@code --endpoint URL} or {@code --data DIR}. */
final class LiveImportArgs {

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "A table to import; repeatable (default: every table the endpoint lists).")
    List<String> tables = new ArrayList<>();

    @Option(
            names = "--sample",
            paramLabel = "N",
            description = "Items read per table to infer entity types, key templates and attributes (default: 1000).")
    @Nullable
    Integer sample;

    @Option(
            names = "--profile",
            paramLabel = "P",
            description = "The AWS profile for --endpoint (default: the default chain's).")
    @Nullable
    String profile;

    /** True when an option of this group was given (they apply to --endpoint and --data only). */
    boolean given() {
        return !tables.isEmpty() || sample != null || profile != null;
    }

    /** Reads the tables of {@code target} into a project named {@code projectName}. */
    ImportResult read(TargetOptions target, String projectName) throws IOException, ImportException, CliFailure {
        int size = sample == null ? LiveImportOptions.DEFAULT_SAMPLE_SIZE : sample;
        if (size < 0) {
            throw new CliFailure("--sample must be 0 or more, got " + size);
        }
        String source;
        if (target.endpoint != null) {
            source = target.endpoint.toString();
        } else {
            if (!Files.isDirectory(target.data)) {
                throw new NoSuchFileException(target.data.toString());
            }
            source = target.data.toString();
        }
        try (TargetOptions.Opened opened = target.open(profile)) {
            return LiveTableImport.read(opened.client(), tables, new LiveImportOptions(size, projectName, source));
        }
    }
}

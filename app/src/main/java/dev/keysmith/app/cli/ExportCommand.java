package dev.keysmith.app.cli;

import dev.keysmith.modeler.io.AwsCliFormat;
import dev.keysmith.modeler.io.CloudFormationFormat;
import dev.keysmith.modeler.io.ExportResult;
import dev.keysmith.modeler.io.NoSqlWorkbenchFormat;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keysmith export PROJECT --format F [-o FILE]}: writes a model in another tool's format. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a data model as NoSQL Workbench JSON, a CloudFormation template or AWS CLI JSON.")
public final class ExportCommand extends ModelCommand {

    /** The export formats. */
    enum Format {
        NOSQL_WORKBENCH("nosql-workbench"),
        CLOUDFORMATION("cloudformation"),
        CLOUDFORMATION_YAML("cloudformation-yaml"),
        CLI_JSON("cli-json");

        final String option;

        Format(String option) {
            this.option = option;
        }

        @Override
        public String toString() {
            return option;
        }
    }

    @Parameters(index = "0", paramLabel = "PROJECT", description = "A .keysmith project or a NoSQL Workbench file.")
    Path project;

    @Option(
            names = "--format",
            required = true,
            converter = FormatConverter.class,
            description = "nosql-workbench, cloudformation, cloudformation-yaml or cli-json.")
    Format format;

    @Option(names = "--model", description = "The data model to export (default: the first).")
    @Nullable
    String model;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write (default: standard output).")
    @Nullable
    Path output;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.option.equals(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not one of nosql-workbench, cloudformation, cloudformation-yaml, cli-json");
        }
    }

    @Override
    int run() throws Exception {
        Project p = ModelFiles.project(project);
        DataModel m = ModelFiles.model(p, model);
        ExportResult result = switch (format) {
            case NOSQL_WORKBENCH -> NoSqlWorkbenchFormat.write(p, m);
            case CLOUDFORMATION -> CloudFormationFormat.write(p, m, CloudFormationFormat.Syntax.JSON);
            case CLOUDFORMATION_YAML -> CloudFormationFormat.write(p, m, CloudFormationFormat.Syntax.YAML);
            case CLI_JSON -> AwsCliFormat.write(m);
        };
        result.warnings().forEach(w -> err().println("warning: " + w));
        if (output == null) {
            out().print(result.text());
            out().flush();
        } else {
            Files.writeString(output, result.text());
        }
        return 0;
    }
}

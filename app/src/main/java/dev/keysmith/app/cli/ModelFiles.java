package dev.keysmith.app.cli;

import dev.keysmith.modeler.io.AwsCliFormat;
import dev.keysmith.modeler.io.CloudFormationFormat;
import dev.keysmith.modeler.io.ImportException;
import dev.keysmith.modeler.io.ImportResult;
import dev.keysmith.modeler.io.NoSqlWorkbenchFormat;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.store.ProjectFiles;
import dev.keysmith.modeler.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reads the project a command works on: a {@code .keysmith} project file or a file to import, by content. */
final class ModelFiles {

    private ModelFiles() {}

    /** The formats {@code keysmith import} recognizes. */
    enum Format {
        NOSQL_WORKBENCH,
        CLOUDFORMATION,
        AWS_CLI
    }

    /** Guesses the format of an input file from its text. */
    static Format detect(String text) {
        String t = text.stripLeading();
        if (!t.startsWith("{") && !t.startsWith("[")) {
            return Format.CLOUDFORMATION;
        }
        if (t.contains("\"DataModel\"")) {
            return Format.NOSQL_WORKBENCH;
        }
        if (t.contains("\"Resources\"")) {
            return Format.CLOUDFORMATION;
        }
        if (t.contains("\"TableName\"") && t.contains("\"KeySchema\"")) {
            return Format.AWS_CLI;
        }
        return Format.NOSQL_WORKBENCH;
    }

    /** Imports {@code file} in the format its content shows. */
    static ImportResult importFile(Path file) throws IOException, ImportException {
        String text = read(file);
        String name = baseName(file);
        return switch (detect(text)) {
            case NOSQL_WORKBENCH -> NoSqlWorkbenchFormat.read(text);
            case CLOUDFORMATION -> CloudFormationFormat.read(text, name);
            case AWS_CLI -> AwsCliFormat.read(text, name);
        };
    }

    /** The project in a {@code .keysmith} file, or imported from any other file. */
    static Project project(Path file) throws IOException, ImportException {
        if (file.getFileName().toString().endsWith(ProjectStore.EXTENSION)) {
            try (ProjectStore<Project> store = ProjectFiles.openReadOnly(file)) {
                return store.current();
            }
        }
        return importFile(file).project();
    }

    /** The model named {@code name}, or the project's first model. */
    static DataModel model(Project project, @Nullable String name) throws ImportException, CliFailure {
        if (project.models().isEmpty()) {
            throw new CliFailure("the project " + project.name() + " has no data model");
        }
        if (name == null) {
            return project.models().getFirst();
        }
        return project.models().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CliFailure("the project has no model named " + name + "; it has "
                        + project.models().stream().map(DataModel::name).toList()));
    }

    private static String read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return Files.readString(file);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

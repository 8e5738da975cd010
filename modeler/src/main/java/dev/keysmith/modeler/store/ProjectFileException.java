package dev.keysmith.modeler.store;

import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A project file that cannot be created or opened, with a message fit to show the user as is. Files refused for
 * their content (not a SQLite file, damaged, another application's database, a newer schema) are left untouched.
 */
public sealed class ProjectFileException extends IOException permits ProjectLockedException {

    /** Why the file was refused. */
    public enum Problem {
        NOT_FOUND,
        ALREADY_EXISTS,
        BAD_NAME,
        EMPTY,
        NOT_SQLITE,
        TRUNCATED,
        DAMAGED,
        NOT_KEYSMITH,
        NEWER_SCHEMA,
        OLDER_SCHEMA,
        UNREADABLE_DOCUMENT,
        LOCKED,
        IO_ERROR
    }

    private final Problem problem;
    private final Path file;

    ProjectFileException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    ProjectFileException(Problem problem, Path file, String message) {
        super(message);
        this.problem = problem;
        this.file = file;
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    static ProjectFileException notFound(Path file) {
        return new ProjectFileException(Problem.NOT_FOUND, file, cannotOpen(file) + "the file does not exist");
    }

    static ProjectFileException alreadyExists(Path file) {
        return new ProjectFileException(
                Problem.ALREADY_EXISTS, file, "Cannot create " + name(file) + ": the file already exists");
    }

    static ProjectFileException badName(Path file) {
        return new ProjectFileException(
                Problem.BAD_NAME,
                file,
                "Cannot create " + name(file) + ": a Keysmith project file name must end with "
                        + ProjectStore.EXTENSION);
    }

    static ProjectFileException empty(Path file) {
        return new ProjectFileException(
                Problem.EMPTY, file, cannotOpen(file) + "the file is empty (0 bytes), it is not a Keysmith project");
    }

    static ProjectFileException notSqlite(Path file) {
        return new ProjectFileException(
                Problem.NOT_SQLITE, file, cannotOpen(file) + "it is not a Keysmith project (not a SQLite database)");
    }

    static ProjectFileException truncated(Path file, long actualBytes, long expectedBytes) {
        return new ProjectFileException(
                Problem.TRUNCATED,
                file,
                cannotOpen(file) + "the file is truncated (it has " + bytes(actualBytes) + " but its header says "
                        + bytes(expectedBytes) + ")");
    }

    static ProjectFileException damaged(Path file, String detail, Throwable cause) {
        return new ProjectFileException(
                Problem.DAMAGED, file, cannotOpen(file) + "the file is damaged (" + detail + ")", cause);
    }

    static ProjectFileException damaged(Path file, String detail) {
        return new ProjectFileException(
                Problem.DAMAGED, file, cannotOpen(file) + "the file is damaged (" + detail + ")");
    }

    static ProjectFileException notKeysmith(Path file) {
        return new ProjectFileException(
                Problem.NOT_KEYSMITH,
                file,
                cannotOpen(file) + "it is a SQLite database of another application, not a Keysmith project");
    }

    static ProjectFileException newerSchema(Path file, int fileSchema) {
        return new ProjectFileException(
                Problem.NEWER_SCHEMA,
                file,
                cannotOpen(file) + "it was written by a newer Keysmith (schema " + fileSchema
                        + ", this build reads up to " + SchemaMigrations.CURRENT + ")");
    }

    static ProjectFileException olderSchemaReadOnly(Path file, int fileSchema) {
        return new ProjectFileException(
                Problem.OLDER_SCHEMA,
                file,
                cannotOpen(file) + "it was written by an older Keysmith (schema " + fileSchema
                        + ") and must be upgraded, which a read-only window cannot do; open it normally first");
    }

    static ProjectFileException unreadableDocument(Path file, long versionId, Throwable cause) {
        return new ProjectFileException(
                Problem.UNREADABLE_DOCUMENT,
                file,
                cannotOpen(file) + "version " + versionId + " cannot be read (" + cause.getMessage() + ")",
                cause);
    }

    static ProjectFileException io(Path file, String action, Throwable cause) {
        return new ProjectFileException(
                Problem.IO_ERROR, file, "Cannot " + action + " " + name(file) + ": " + cause.getMessage(), cause);
    }

    static String cannotOpen(Path file) {
        return "Cannot open " + name(file) + ": ";
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String bytes(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n) + " bytes";
    }
}

package dev.keysmith.app.view.shell;

import java.nio.file.Path;

/** Which project the workbench has open. */
public sealed interface ProjectSession {
    /** No project is open. */
    record None() implements ProjectSession {}

    /** A new project that has no file yet. */
    record Untitled() implements ProjectSession {}

    /** A project opened from {@code file}. */
    record InFile(Path file) implements ProjectSession {}
}

package dev.keysmith.modeler.store;

import java.nio.file.Path;
import java.util.OptionalLong;

/** The project is open for writing in another Keysmith window or process; it can still be opened read-only. */
public final class ProjectLockedException extends ProjectFileException {

    private final OptionalLong pid;

    ProjectLockedException(Path file, OptionalLong pid) {
        super(
                Problem.LOCKED,
                file,
                cannotOpen(file) + "it is already open in another Keysmith window/process"
                        + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "")
                        + "; it can be opened read-only");
        this.pid = pid;
    }

    /** The process holding the project, when it could be read from the lock file. */
    public OptionalLong pid() {
        return pid;
    }
}

package dev.keysmith.app.view.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks the user for a project file. The workbench shows a native file dialog; tests answer directly. */
@FunctionalInterface
public interface ProjectFileChooser {
    /**
     * Lets the user pick a {@code *.keysmith} file to open.
     *
     * @param initialDirectory where the dialog starts, if known
     * @return the chosen file, or empty if the user cancelled
     */
    Optional<Path> chooseProjectToOpen(Window owner, Optional<Path> initialDirectory);
}

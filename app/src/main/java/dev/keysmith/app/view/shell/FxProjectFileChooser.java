package dev.keysmith.app.view.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Picks project files with the platform's file dialog. */
public final class FxProjectFileChooser implements ProjectFileChooser {
    static final FileChooser.ExtensionFilter PROJECT_FILES =
            new FileChooser.ExtensionFilter("Keysmith projects (*.keysmith)", "*.keysmith");

    @Override
    public Optional<Path> chooseProjectToOpen(Window owner, Optional<Path> initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Project");
        chooser.getExtensionFilters().add(PROJECT_FILES);
        initialDirectory.filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }
}

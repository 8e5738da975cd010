package dev.keysmith.app.view.shell;

import dev.keysmith.app.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the workbench shell: the selected area, the open project, the recent files and the status
 * message. The project store does not exist yet, so opening a project only records its file, and saving says so.
 */
public final class ShellViewModel {
    static final String RECENT_FILES_KEY = "recent.files";
    static final int MAX_RECENT_FILES = 10;
    static final String APP_NAME = "Keysmith";
    static final String READY = "Ready";
    static final String SAVING_UNAVAILABLE =
            "Saving is not available yet: this version of Keysmith does not write project files.";

    private final Settings settings;

    // Properties
    private final ReadOnlyObjectWrapper<Area> selectedArea = new ReadOnlyObjectWrapper<>(Area.MODEL);
    private final ReadOnlyObjectWrapper<ProjectSession> session =
            new ReadOnlyObjectWrapper<>(new ProjectSession.None());
    private final ReadOnlyBooleanWrapper projectOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(APP_NAME);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(READY);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);

    public ShellViewModel(Settings settings) {
        this.settings = settings;
        settings.getList(RECENT_FILES_KEY).stream().map(Path::of).forEach(recentFiles::add);
        projectOpen.bind(Bindings.createBooleanBinding(() -> !(session.get() instanceof ProjectSession.None), session));
        windowTitle.bind(Bindings.createStringBinding(() -> titleFor(session.get()), session));
    }

    private static String titleFor(ProjectSession project) {
        return switch (project) {
            case ProjectSession.None none -> APP_NAME;
            case ProjectSession.Untitled untitled -> "Untitled \u2014 " + APP_NAME;
            case ProjectSession.InFile inFile -> inFile.file().getFileName() + " \u2014 " + APP_NAME;
        };
    }

    public ReadOnlyObjectProperty<Area> selectedAreaProperty() {
        return selectedArea.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProjectSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** True when a project (saved or untitled) is open; Save and Save as are enabled only then. */
    public ReadOnlyBooleanProperty projectOpenProperty() {
        return projectOpen.getReadOnlyProperty();
    }

    /** "Keysmith" with no project, otherwise the project's file name (or "Untitled") first. */
    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    /** A short message about the last thing that happened, shown at the left of the status bar. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** Recently opened project files, newest first, at most {@value #MAX_RECENT_FILES}. Read-only. */
    public ObservableList<Path> recentFiles() {
        return recentFilesView;
    }

    // Commands

    public void navigate(Area area) {
        selectedArea.set(Objects.requireNonNull(area));
    }

    /** Starts a new, untitled project. */
    public void newProject() {
        session.set(new ProjectSession.Untitled());
        statusMessage.set("New untitled project");
    }

    /** Opens the project in {@code file} and puts it first in the recent files. */
    public void openProject(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        session.set(new ProjectSession.InFile(absolute));
        List<Path> recent = new ArrayList<>(recentFiles);
        recent.remove(absolute);
        recent.addFirst(absolute);
        setRecentFiles(recent.subList(0, Math.min(recent.size(), MAX_RECENT_FILES)));
        statusMessage.set("Opened " + absolute);
    }

    /** Opens a recent file, or drops it from the list with a message if it no longer exists. */
    public void openRecent(Path file) {
        if (Files.isRegularFile(file)) {
            openProject(file);
        } else {
            List<Path> recent = new ArrayList<>(recentFiles);
            recent.remove(file);
            setRecentFiles(recent);
            statusMessage.set("Cannot open " + file + ": the file no longer exists. Removed it from recent files.");
        }
    }

    public void clearRecentFiles() {
        setRecentFiles(List.of());
        statusMessage.set("Cleared recent files");
    }

    public void save() {
        reportSavingUnavailable();
    }

    public void saveAs() {
        reportSavingUnavailable();
    }

    private void reportSavingUnavailable() {
        if (projectOpen.get()) {
            statusMessage.set(SAVING_UNAVAILABLE);
        }
    }

    private void setRecentFiles(List<Path> files) {
        recentFiles.setAll(files);
        settings.putList(RECENT_FILES_KEY, files.stream().map(Path::toString).toList());
    }
}

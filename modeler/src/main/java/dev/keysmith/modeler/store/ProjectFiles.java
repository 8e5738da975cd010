package dev.keysmith.modeler.store;

import dev.keysmith.modeler.model.Change;
import dev.keysmith.modeler.model.ModelDiff;
import dev.keysmith.modeler.model.Project;
import java.nio.file.Path;
import java.util.List;

/**
 * Keysmith project files holding a {@link Project}: the entry points the application uses. The project is stored as
 * its {@code ModelJson} text; see {@link ProjectStore} for saving, history, restore and autosave.
 */
public final class ProjectFiles {

    private ProjectFiles() {}

    /** Creates a project file with {@code project} as version 1; the name must end with {@value ProjectStore#EXTENSION}. */
    public static ProjectStore<Project> create(Path file, Project project) throws ProjectFileException {
        return ProjectStore.create(file, ProjectCodec.INSTANCE, project);
    }

    /** Opens a project file for writing (upgrading an older schema); see {@link ProjectStore#open}. */
    public static ProjectStore<Project> open(Path file) throws ProjectFileException {
        return ProjectStore.open(file, ProjectCodec.INSTANCE);
    }

    /** Opens a project file for reading only; see {@link ProjectStore#openReadOnly}. */
    public static ProjectStore<Project> openReadOnly(Path file) throws ProjectFileException {
        return ProjectStore.openReadOnly(file, ProjectCodec.INSTANCE);
    }

    /** What changed from one saved version to another, as {@link ModelDiff} lines ("table Orders: GSI GSI1 added"). */
    public static List<Change> compare(ProjectStore<Project> store, long fromVersion, long toVersion) {
        return ModelDiff.diff(store.load(fromVersion), store.load(toVersion));
    }

    /** What changed from a saved version to a document being edited (e.g. "what did I change since version 4"). */
    public static List<Change> compare(ProjectStore<Project> store, long fromVersion, Project edited) {
        return ModelDiff.diff(store.load(fromVersion), edited);
    }
}

package dev.keysmith.modeler.io;

import dev.keysmith.modeler.model.Project;
import java.util.List;

/**
 * An imported project and the warnings raised on the way (ignored features, intrinsic functions kept as text...).
 *
 * @param warnings readable lines, each naming its location
 */
public record ImportResult(Project project, List<String> warnings) {

    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}

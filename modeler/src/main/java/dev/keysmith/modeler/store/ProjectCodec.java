package dev.keysmith.modeler.store;

import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.ModelFormatException;
import dev.keysmith.modeler.model.ModelJson;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TableDesign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Stores a {@link Project} as its {@link ModelJson} text in UTF-8. */
final class ProjectCodec implements DocumentCodec<Project> {

    static final ProjectCodec INSTANCE = new ProjectCodec();

    private ProjectCodec() {}

    @Override
    public byte[] encode(Project project) {
        return ModelJson.write(project).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Project decode(byte[] bytes) throws IOException {
        try {
            return ModelJson.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (ModelFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** E.g. "1 model, 3 tables, 12 entity types, 20 access patterns". */
    @Override
    public String describe(Project project) {
        int tables = 0;
        int entityTypes = 0;
        int patterns = 0;
        for (DataModel model : project.models()) {
            tables += model.tables().size();
            patterns += model.patterns().size();
            for (TableDesign table : model.tables()) {
                entityTypes += table.entities().size();
            }
        }
        return count(project.models().size(), "model") + ", " + count(tables, "table") + ", "
                + count(entityTypes, "entity type") + ", " + count(patterns, "access pattern");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

package dev.keysmith.modeler.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.ModelFormatException;
import dev.keysmith.modeler.model.ModelJson;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TableDesign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Stores a {@link Project} as {@link ModelJson} in UTF-8, without the indentation of exported files: for a large model
 * that is half the bytes to write, compress and parse. Reading goes through {@link ModelJson#read}, which checks the
 * format version.
 */
final class ProjectCodec implements DocumentCodec<Project> {

    static final ProjectCodec INSTANCE = new ProjectCodec();

    private ProjectCodec() {}

    private static final ObjectWriter WRITER = ModelJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    @Override
    public byte[] encode(Project project) {
        try {
            return WRITER.writeValueAsBytes(project);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot write project " + project.name() + ": " + e.getOriginalMessage(), e);
        }
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

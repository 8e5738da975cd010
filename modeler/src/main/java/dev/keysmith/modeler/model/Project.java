package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Keysmith project: named data models plus free-form metadata (author, dates, origin of an import...).
 *
 * @param formatVersion version of the project JSON shape; {@link #FORMAT_VERSION} for projects written by this code
 */
public record Project(
        @JsonProperty("formatVersion") int formatVersion,
        @JsonProperty("name") String name,
        @JsonProperty("models") List<DataModel> models,
        @JsonProperty("metadata") Map<String, String> metadata) {

    /** The current project JSON format version. */
    public static final int FORMAT_VERSION = 1;

    public Project {
        Objects.requireNonNull(name, "name");
        models = models == null ? List.of() : List.copyOf(models);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A project in the current format version. */
    public static Project of(String name, List<DataModel> models) {
        return new Project(FORMAT_VERSION, name, models, Map.of());
    }

    public Project withName(String name) {
        return new Project(formatVersion, name, models, metadata);
    }

    public Project withModels(List<DataModel> models) {
        return new Project(formatVersion, name, models, metadata);
    }

    public Project withMetadata(Map<String, String> metadata) {
        return new Project(formatVersion, name, models, metadata);
    }

    /** Applies {@code edit} to the model named {@code modelName} (no change when there is none). */
    public Project editModel(String modelName, UnaryOperator<DataModel> edit) {
        return withModels(ModelLists.edit(models, modelName, DataModel::name, edit));
    }
}

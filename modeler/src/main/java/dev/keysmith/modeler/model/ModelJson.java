package dev.keysmith.modeler.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;

/**
 * Reads and writes a {@link Project} as JSON (the shape given by the records' {@code @JsonProperty} names). Unknown
 * properties are ignored so that a file written by a newer minor version still opens; missing optional parts get their
 * defaults (empty lists, {@code false}, 0); a {@code formatVersion} newer than {@link Project#FORMAT_VERSION} is refused.
 */
public final class ModelJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ModelJson() {}

    /** The mapper configured for model records (shared, thread-safe; do not reconfigure). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Project project) {
        try {
            return MAPPER.writeValueAsString(project);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot write project " + project.name() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a project.
     *
     * @throws ModelFormatException with the JSON path and line:column of the problem
     */
    public static Project read(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new ModelFormatException("A project must be a JSON object");
            }
            JsonNode version = tree.get("formatVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new ModelFormatException("A project needs a numeric formatVersion");
            }
            if (version.asInt() > Project.FORMAT_VERSION || version.asInt() < 1) {
                throw new ModelFormatException("Unsupported project formatVersion " + version.asInt()
                        + " (this version reads 1 to " + Project.FORMAT_VERSION + ")");
            }
            return MAPPER.treeToValue(tree, Project.class);
        } catch (JsonMappingException e) {
            throw new ModelFormatException(describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(
                    "Invalid JSON at " + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw e instanceof ModelFormatException m ? m : new ModelFormatException(e.getMessage(), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "/" + r.getFieldName() : "/" + r.getIndex())
                .collect(Collectors.joining());
        return "Invalid project at " + (path.isEmpty() ? "/" : path) + ": " + e.getOriginalMessage();
    }
}

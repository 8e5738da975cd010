package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.TableDesign;
import java.util.Optional;

/**
 * One data model being checked, with its position in the project, path builders and lookups.
 *
 * @param index position of the model in {@code Project.models()}
 */
public record ModelScope(int index, DataModel model) {

    public String path() {
        return "models[" + index + "]";
    }

    public String path(TableDesign table) {
        return path() + ".tables[" + table.name() + "]";
    }

    public String path(TableDesign table, IndexDesign index) {
        return path(table) + (table.lsis().contains(index) ? ".lsis[" : ".gsis[") + index.name() + "]";
    }

    public String path(TableDesign table, EntityType entity) {
        return path(table) + ".entities[" + entity.name() + "]";
    }

    public String path(TableDesign table, EntityType entity, String attribute) {
        return path(table, entity) + ".attributes[" + attribute + "]";
    }

    public String path(AccessPattern pattern) {
        return path() + ".patterns[" + pattern.id() + "]";
    }

    /** The table a pattern names, if it exists. */
    public Optional<TableDesign> table(AccessPattern pattern) {
        return model.table(pattern.table());
    }

    /**
     * The key a pattern addresses: its index when it names an existing one, the table when it names none; empty when
     * the table or index does not exist.
     */
    public Optional<KeyShape> target(AccessPattern pattern) {
        Optional<TableDesign> table = table(pattern);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        if (pattern.index() == null) {
            return Optional.of(KeyShape.of(table.get()));
        }
        return table.get().index(pattern.index()).map(i -> KeyShape.of(table.get(), i));
    }
}

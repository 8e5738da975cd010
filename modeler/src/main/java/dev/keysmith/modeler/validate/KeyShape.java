package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key of a table or of one of its indexes, as a pattern sees it.
 *
 * @param index null for the table itself
 */
public record KeyShape(
        TableDesign table,
        @Nullable IndexDesign index,
        KeyAttribute partitionKey,
        @Nullable KeyAttribute sortKey) {

    static KeyShape of(TableDesign table) {
        return new KeyShape(table, null, table.partitionKey(), table.sortKey());
    }

    static KeyShape of(TableDesign table, IndexDesign index) {
        return new KeyShape(table, index, index.partitionKey(), index.sortKey());
    }

    /** The table and each of its indexes. */
    static List<KeyShape> all(TableDesign table) {
        List<KeyShape> shapes = new ArrayList<>();
        shapes.add(of(table));
        table.indexes().forEach(i -> shapes.add(of(table, i)));
        return shapes;
    }

    boolean isGlobalIndex() {
        return index != null && table.gsis().contains(index);
    }

    /** "table Orders" or "index GSI1". */
    String label() {
        return index == null ? "table " + table.name() : "index " + index.name();
    }

    List<String> keyNames() {
        return sortKey == null ? List.of(partitionKey.name()) : List.of(partitionKey.name(), sortKey.name());
    }
}

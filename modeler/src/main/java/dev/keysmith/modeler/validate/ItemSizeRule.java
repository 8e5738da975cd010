package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * The typical item of an entity type (attribute names plus declared typical sizes, see {@link ItemSizes}) stays well
 * under DynamoDB's 400 KB (409,600 bytes) item limit: over 300 KB is a WARNING, over 400 KB an ERROR.
 */
final class ItemSizeRule implements Rule {

    static final long LIMIT = 400 * 1024;
    static final long WARN = 300 * 1024;

    @Override
    public String id() {
        return "item-size";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            for (EntityType entity : table.entities()) {
                long size = ItemSizes.typicalBytes(entity);
                if (size > WARN) {
                    boolean over = size > LIMIT;
                    out.add(new Diagnostic(
                            over ? Severity.ERROR : Severity.WARNING,
                            scope.path(table, entity),
                            id(),
                            "A typical " + entity.name() + " item is about " + size + " bytes; DynamoDB's item limit is"
                                    + " 409,600 bytes (400 KB)"
                                    + (table.lsis().isEmpty() ? "" : ", counting its LSI entries"),
                            "Move large values to S3 and keep a pointer, compress them, or split the item"));
                }
            }
        }
        return out;
    }
}

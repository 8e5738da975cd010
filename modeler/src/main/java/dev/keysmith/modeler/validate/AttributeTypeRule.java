package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attribute types agree: an attribute that is a table or index key must be declared (by the table or any entity type)
 * with the key's scalar type; a key type cannot be a set, list, map, boolean or null (ERROR). The same non-key
 * attribute declared with two types by different entity types or by the table is legal but confusing (WARNING).
 */
final class AttributeTypeRule implements Rule {

    @Override
    public String id() {
        return "attribute-type";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            Map<String, KeyAttribute> keys = new LinkedHashMap<>();
            keys.put(table.partitionKey().name(), table.partitionKey());
            if (table.sortKey() != null) {
                keys.put(table.sortKey().name(), table.sortKey());
            }
            for (IndexDesign index : table.indexes()) {
                keys.putIfAbsent(index.partitionKey().name(), index.partitionKey());
                if (index.sortKey() != null) {
                    keys.putIfAbsent(index.sortKey().name(), index.sortKey());
                }
            }
            Map<String, AttributeType> firstType = new LinkedHashMap<>();
            Map<String, String> firstOwner = new LinkedHashMap<>();
            List<Declared> declarations = new ArrayList<>();
            table.attributes()
                    .forEach(a -> declarations.add(new Declared(
                            scope.path(table) + ".attributes[" + a.name() + "]", "table " + table.name(), a)));
            for (EntityType entity : table.entities()) {
                entity.attributes()
                        .forEach(a -> declarations.add(
                                new Declared(scope.path(table, entity, a.name()), "entity " + entity.name(), a)));
            }
            for (Declared d : declarations) {
                AttributeSpec attribute = d.attribute();
                KeyAttribute key = keys.get(attribute.name());
                if (key != null) {
                    if (attribute.type() != key.type().asAttributeType()) {
                        out.add(new Diagnostic(
                                Severity.ERROR,
                                d.path(),
                                id(),
                                d.owner() + " declares key attribute " + attribute.name() + " as " + attribute.type()
                                        + ", but the key is " + key.type()
                                        + (attribute.type().asScalar().isEmpty()
                                                ? "; key attributes can only be S, N or B"
                                                : ""),
                                "Declare it as " + key.type()));
                    }
                    continue;
                }
                AttributeType earlier = firstType.putIfAbsent(attribute.name(), attribute.type());
                if (earlier == null) {
                    firstOwner.put(attribute.name(), d.owner());
                } else if (earlier != attribute.type()) {
                    out.add(new Diagnostic(
                            Severity.WARNING,
                            d.path(),
                            id(),
                            d.owner() + " declares " + attribute.name() + " as " + attribute.type() + " but "
                                    + firstOwner.get(attribute.name()) + " declares it as " + earlier,
                            "Use one type, or different attribute names"));
                }
            }
        }
        return out;
    }

    private record Declared(String path, String owner, AttributeSpec attribute) {}
}

package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TTL attribute holds a Number (epoch seconds): DynamoDB never expires items whose TTL attribute has another
 * type (WARNING per declaration); a TTL attribute no entity type declares is noted (INFO); a TTL attribute cannot be a
 * key attribute of the table (ERROR: keys are S/N/B but TTL on a key is rejected by UpdateTimeToLive).
 */
final class TtlRule implements Rule {

    @Override
    public String id() {
        return "ttl";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            String ttl = table.ttlAttribute();
            if (ttl == null) {
                continue;
            }
            if (table.keyNames().contains(ttl)) {
                out.add(new Diagnostic(
                        Severity.ERROR,
                        scope.path(table),
                        id(),
                        "TTL attribute " + ttl + " is a key attribute of table " + table.name(),
                        "Use a separate Number attribute such as expiresAt"));
                continue;
            }
            boolean declared = false;
            Optional<AttributeSpec> tableLevel = table.attributes().stream()
                    .filter(a -> a.name().equals(ttl))
                    .findFirst();
            if (tableLevel.isPresent()) {
                declared = true;
                check(out, scope.path(table) + ".attributes[" + ttl + "]", "table " + table.name(), tableLevel.get());
            }
            for (EntityType entity : table.entities()) {
                Optional<AttributeSpec> attribute = entity.attribute(ttl);
                if (attribute.isPresent()) {
                    declared = true;
                    check(out, scope.path(table, entity, ttl), "entity " + entity.name(), attribute.get());
                }
            }
            if (!declared && !table.entities().isEmpty()) {
                out.add(new Diagnostic(
                        Severity.INFO,
                        scope.path(table),
                        id(),
                        "No entity type of table " + table.name() + " declares the TTL attribute " + ttl
                                + ", so no item expires",
                        "Declare " + ttl + " (type N, epoch seconds) on the entity types that expire"));
            }
        }
        return out;
    }

    private void check(List<Diagnostic> out, String path, String owner, AttributeSpec attribute) {
        if (attribute.type() != AttributeType.N) {
            out.add(new Diagnostic(
                    Severity.WARNING,
                    path,
                    id(),
                    owner + " declares TTL attribute " + attribute.name() + " as " + attribute.type()
                            + "; DynamoDB only expires items whose TTL attribute is a Number of epoch seconds",
                    "Declare it as N holding epoch seconds"));
        }
    }
}

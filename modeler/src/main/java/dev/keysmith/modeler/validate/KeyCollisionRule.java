package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two entity types of a table must not be able to produce the same primary key, or one would overwrite the other:
 * their partition key templates can collide and (when the table has a sort key) so can their sort key templates. A
 * missing template counts as "any value".
 */
final class KeyCollisionRule implements Rule {

    @Override
    public String id() {
        return "key-collision";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            List<EntityType> entities = table.entities();
            for (int i = 0; i < entities.size(); i++) {
                for (int j = i + 1; j < entities.size(); j++) {
                    collision(table, entities.get(i), entities.get(j))
                            .ifPresent(example -> out.add(example(scope, table, example)));
                }
            }
        }
        return out;
    }

    private record Collision(EntityType first, EntityType second, String key) {}

    private Optional<Collision> collision(TableDesign table, EntityType a, EntityType b) {
        Optional<String> partition = example(a, b, table.partitionKey().name());
        if (partition.isEmpty()) {
            return Optional.empty();
        }
        if (table.sortKey() == null) {
            return Optional.of(new Collision(a, b, table.partitionKey().name() + "=" + partition.get()));
        }
        return example(a, b, table.sortKey().name())
                .map(sort -> new Collision(
                        a,
                        b,
                        table.partitionKey().name() + "=" + partition.get() + ", "
                                + table.sortKey().name() + "=" + sort));
    }

    private static Optional<String> example(EntityType a, EntityType b, String keyName) {
        KeyTemplate any = KeyTemplate.variable("any");
        return a.keyTemplate(keyName)
                .orElse(any)
                .collisionExample(b.keyTemplate(keyName).orElse(any));
    }

    private Diagnostic example(ModelScope scope, TableDesign table, Collision c) {
        return new Diagnostic(
                Severity.WARNING,
                scope.path(table, c.second()),
                id(),
                "Entity types " + c.first().name() + " and " + c.second().name() + " can produce the same primary key"
                        + " (for example " + c.key() + "), so one could overwrite the other",
                "Give each entity type a distinct constant prefix in its key templates, e.g. "
                        + c.second().name().toUpperCase(Locale.ROOT) + "#{id}");
    }
}

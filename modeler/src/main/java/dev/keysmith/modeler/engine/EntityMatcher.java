package dev.keysmith.modeler.engine;

import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.template.TemplatePart;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recognizes the entity type of an item by matching its table key values against each entity's key templates. When
 * several match, the one whose templates have the most literal text wins ({@code ORDER#{id}} beats {@code {id}}).
 */
final class EntityMatcher {

    /** The type name reported for an item no entity type matches. */
    static final String UNRECOGNIZED = "(unrecognized)";

    private final TableDesign table;

    EntityMatcher(TableDesign table) {
        this.table = table;
    }

    /** The entity type of {@code item}, if one matches. */
    Optional<EntityType> entityOf(Map<String, AttributeValue> item) {
        EntityType best = null;
        int bestScore = -1;
        for (EntityType entity : table.entities()) {
            int score = score(entity, item);
            if (score > bestScore) {
                best = entity;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    String nameOf(Map<String, AttributeValue> item) {
        return entityOf(item).map(EntityType::name).orElse(UNRECOGNIZED);
    }

    /** The template variables {@code item}'s keys give for its entity; a scalar attribute of the same name wins. */
    Map<String, String> variables(Map<String, AttributeValue> item) {
        Map<String, String> vars = new HashMap<>();
        entityOf(item)
                .ifPresent(entity -> entity.keyTemplates().forEach((attribute, template) -> {
                    String key = text(item.get(attribute));
                    if (key != null) {
                        template.match(key).ifPresent(vars::putAll);
                    }
                }));
        item.forEach((name, value) -> {
            String text = text(value);
            if (text != null) {
                vars.put(name, text);
            }
        });
        return vars;
    }

    /** -1 when a table key does not fit the entity's template (or the item lacks it), else the literal length. */
    private int score(EntityType entity, Map<String, AttributeValue> item) {
        int score = 0;
        boolean any = false;
        for (String key : table.keyNames()) {
            KeyTemplate template = entity.keyTemplates().get(key);
            if (template == null) {
                continue;
            }
            String value = text(item.get(key));
            if (value == null || template.match(value).isEmpty()) {
                return -1;
            }
            any = true;
            for (TemplatePart part : template.parts()) {
                if (part instanceof TemplatePart.Literal(String literal)) {
                    score += literal.length();
                }
            }
        }
        return any ? score : -1;
    }

    static @Nullable String text(@Nullable AttributeValue value) {
        if (value == null) {
            return null;
        }
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        if (value.b() != null) {
            return value.b().asUtf8String();
        }
        return null;
    }
}

package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.template.TemplatePart;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Typical item sizes from an entity type's declarations (DynamoDB rule: attribute name bytes plus value bytes). */
final class ItemSizes {

    /** Assumed length of a template variable's value when nothing better is known. */
    static final int VARIABLE_BYTES = 16;

    private ItemSizes() {}

    /**
     * Declared size only: attribute names plus {@code typicalSizeBytes} for attributes that give one, plus key values
     * from their templates. Attributes without a size hint add only their name.
     */
    static long typicalBytes(EntityType entity) {
        long size = 0;
        Set<String> counted = new HashSet<>();
        for (Map.Entry<String, KeyTemplate> key : entity.keyTemplates().entrySet()) {
            counted.add(key.getKey());
            size += bytes(key.getKey()) + templateBytes(key.getValue());
        }
        for (AttributeSpec attribute : entity.attributes()) {
            if (counted.add(attribute.name())) {
                size += bytes(attribute.name())
                        + (attribute.typicalSizeBytes() == null ? 0 : attribute.typicalSizeBytes());
            }
        }
        return size;
    }

    /** Write capacity units of one write of a typical item (1 KB units, at least 1). */
    static long writeUnits(EntityType entity) {
        return Math.max(1, (typicalBytes(entity) + 1023) / 1024);
    }

    private static long templateBytes(KeyTemplate template) {
        long size = 0;
        for (TemplatePart part : template.parts()) {
            size += switch (part) {
                case TemplatePart.Literal(String text) -> bytes(text);
                case TemplatePart.Variable _ -> VARIABLE_BYTES;
            };
        }
        return size;
    }

    private static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

package dev.keysmith.modeler.estimate;

import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.Map;
import java.util.Optional;

/**
 * One entity type as the estimator sees it: its size, its count, which indexes hold it and how big its entries are
 * there.
 *
 * @param entryBytes index name to entry size (keys and projected attributes), for the indexes the entity is in
 * @param keyTemplates key attribute name to template (empty for items of a table without entity types)
 */
record EntityProfile(
        String table,
        String name,
        long itemBytes,
        long itemCount,
        Map<String, Long> entryBytes,
        boolean expires,
        Map<String, KeyTemplate> keyTemplates) {

    boolean inIndex(IndexDesign index) {
        return entryBytes.containsKey(index.name());
    }

    Optional<KeyTemplate> template(String keyAttribute) {
        return Optional.ofNullable(keyTemplates.get(keyAttribute));
    }
}

package dev.keysmith.modeler.sample;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One generated item.
 *
 * @param table the table it belongs to
 * @param entityType the entity type it was generated for (for a table's stored sample items, the type they were
 *     assigned, or the empty string)
 * @param item the item, in the SDK's attribute value form
 */
public record GeneratedItem(String table, String entityType, Map<String, AttributeValue> item) {}

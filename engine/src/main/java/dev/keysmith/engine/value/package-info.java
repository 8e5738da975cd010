/**
 * DynamoDB attribute values: validation and canonical numbers ({@link dev.keysmith.engine.value.Numbers},
 * {@link dev.keysmith.engine.value.ItemValidator}), item size ({@link dev.keysmith.engine.value.ItemSize}) and
 * comparison semantics ({@link dev.keysmith.engine.value.AttributeValues}).
 */
@NullMarked
package dev.keysmith.engine.value;

import org.jspecify.annotations.NullMarked;

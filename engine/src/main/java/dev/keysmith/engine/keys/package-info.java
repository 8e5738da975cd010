/**
 * Byte encodings for storage: {@link dev.keysmith.engine.keys.KeyCodec} (order-preserving key values) and
 * {@link dev.keysmith.engine.keys.ItemCodec} (compact item serialization).
 */
@NullMarked
package dev.keysmith.engine.keys;

import org.jspecify.annotations.NullMarked;

/**
 * Byte-level transactional storage on JetBrains Xodus. This is the only package that imports {@code jetbrains.exodus.*};
 * everything above it sees named stores of unsigned-byte-ordered keys through {@link
 * dev.keysmith.engine.storage.Storage}.
 */
@NullMarked
package dev.keysmith.engine.storage;

import org.jspecify.annotations.NullMarked;

/**
 * PartiQL for DynamoDB: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. A hand-written lexer and
 * recursive-descent parser build an immutable AST; a translator turns each statement into ordinary item, query, scan
 * and transaction requests run on the engine, so semantics, limits, capacity and errors come from those operations.
 */
@NullMarked
package dev.keysmith.engine.partiql;

import org.jspecify.annotations.NullMarked;

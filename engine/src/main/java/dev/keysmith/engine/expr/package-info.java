/**
 * DynamoDB's expression language (condition, filter, key condition, update, projection) and the legacy parameters
 * converted to the same AST. Passes: {@code lex} → {@code parse} (syntax only, cached) → {@code resolve}
 * (placeholders, reserved words, semantic checks with DynamoDB's error priority) → {@code eval}.
 */
package dev.keysmith.engine.expr;

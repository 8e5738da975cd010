/**
 * DynamoDB's expression language (condition, filter, key condition, update, projection) and the legacy parameters
 * converted to the same AST.
 *
 * <p>Passes: {@code lex} (one lexer for every kind, so SET/REMOVE/ADD/DELETE/AND/OR/NOT/BETWEEN/IN are keywords
 * everywhere) → {@code parse} (syntax only, immutable {@code Syntax} AST, cached by text in {@link Expressions}) →
 * {@code resolve} (placeholders, reserved words, nesting, then the semantic checks; errors are collected and the one
 * DynamoDB reports first is thrown, by the per-kind priority in {@code Problems}) → {@code eval}.
 *
 * <p>Decisions worth knowing: {@code size()} of a String counts UTF-16 code units (size("é𝄞") = 3 on real DynamoDB);
 * a syntax error names the furthest token reached and quotes the source from the previous token to the next one;
 * every update operand is read from the item as it was before the update; REMOVE under a missing parent is an
 * invalid document path while a missing last element is ignored.
 */
package dev.keysmith.engine.expr;

/** Hand-written recursive-descent parsers producing the immutable {@code Syntax} AST. */
package dev.keysmith.engine.expr.parse;

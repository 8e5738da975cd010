/** Immutable ASTs: {@code Syntax} as parsed, and the resolved, typed forms the evaluator runs. */
package dev.keysmith.engine.expr.ast;

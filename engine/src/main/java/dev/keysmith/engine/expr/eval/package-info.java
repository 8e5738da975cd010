/** Evaluation of resolved ASTs against items: conditions, update actions, projections. */
package dev.keysmith.engine.expr.eval;

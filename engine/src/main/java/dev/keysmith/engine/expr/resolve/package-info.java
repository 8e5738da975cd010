/** Placeholder resolution, reserved-word and nesting checks, and the per-kind semantic analyzers. */
package dev.keysmith.engine.expr.resolve;

/**
 * Table metadata ({@link dev.keysmith.engine.table.TableDef}), the {@link dev.keysmith.engine.table.Catalog} that
 * stores it, and the control-plane actions (one class and one validator per action).
 */
@NullMarked
package dev.keysmith.engine.table;

import org.jspecify.annotations.NullMarked;

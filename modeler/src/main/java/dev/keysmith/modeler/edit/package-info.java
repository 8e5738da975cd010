/**
 * Undo and redo over immutable documents: {@link dev.keysmith.modeler.edit.EditHistory} records each edit as a pair
 * of documents, with labels for the menus, merging of rapid edits of one kind, a bounded depth, and dirty tracking
 * against the last save. The UI binds to its {@link dev.keysmith.modeler.edit.EditListener}s.
 */
@NullMarked
package dev.keysmith.modeler.edit;

import org.jspecify.annotations.NullMarked;

/**
 * The data model: immutable, Jackson-serializable records describing a project, its data models, tables, indexes,
 * entity types, access patterns and sample items. {@link dev.keysmith.modeler.model.ModelJson} reads and writes the
 * project JSON; {@link dev.keysmith.modeler.model.ModelDiff} lists readable changes between two versions.
 */
@NullMarked
package dev.keysmith.modeler.model;

import org.jspecify.annotations.NullMarked;

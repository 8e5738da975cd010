/**
 * Background work: every blocking job goes through a {@link dev.keysmith.app.task.TaskRunner}, which reports progress
 * as observable state and shows failures through an {@link dev.keysmith.app.task.ErrorReporter}.
 */
@NullMarked
package dev.keysmith.app.task;

import org.jspecify.annotations.NullMarked;

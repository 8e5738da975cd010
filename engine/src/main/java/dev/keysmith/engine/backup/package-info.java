/**
 * On-demand backups: CreateBackup copies a table's definition and items in one storage transaction (a consistent
 * snapshot) into a store of its own; RestoreTableFromBackup creates a new table from it and rebuilds its indexes.
 */
@NullMarked
package dev.keysmith.engine.backup;

import org.jspecify.annotations.NullMarked;

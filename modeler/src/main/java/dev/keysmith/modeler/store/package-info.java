/**
 * The project file: a SQLite database ({@code .keysmith}) holding the append-only history of one document.
 *
 * <ul>
 *   <li>Entry points: {@link dev.keysmith.modeler.store.ProjectStore#create}, {@code open}, {@code openReadOnly};
 *       the document type is opaque, turned into bytes by a {@link dev.keysmith.modeler.store.DocumentCodec}.
 *   <li>Schema: {@code PRAGMA application_id} = "KYSM", {@code PRAGMA user_version} = schema version, mirrored in the
 *       {@code meta} table with {@code application = keysmith}; numbered forward-only {@code SchemaMigrations}.
 *       Documents are stored once per content (deflated, keyed by SHA-256, checked on every read); versions point at
 *       them, so restoring an old version costs one row. Saving a document identical to the newest version is a no-op.
 *   <li>Durability: WAL journal, {@code synchronous=FULL} for saves (a save is on disk when {@code save} returns; a
 *       process killed mid-save leaves the previous versions intact), {@code NORMAL} for the autosave slot.
 *   <li>Refusals: a file's 100-byte SQLite header is read with plain I/O first, so empty, non-SQLite, truncated,
 *       foreign and newer-schema files are refused before SQLite opens them and are never modified.
 *   <li>Concurrency: one writer per project through an operating-system lock on a sidecar {@code <file>.lock} (see
 *       {@code ProjectLock} for why), any number of read-only viewers through SQLite's WAL.
 * </ul>
 */
@NullMarked
package dev.keysmith.modeler.store;

import org.jspecify.annotations.NullMarked;

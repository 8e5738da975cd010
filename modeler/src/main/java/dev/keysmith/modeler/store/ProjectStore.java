package dev.keysmith.modeler.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.DataFormatException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A Keysmith project file ({@code .keysmith}): a SQLite database holding the append-only history of a document.
 * Generic over the document type; a {@link DocumentCodec} turns documents into bytes.
 *
 * <p>A store opened for writing holds the project's lock ({@link ProjectLockedException} for a second writer, in this or
 * another process); read-only stores need no lock. All methods are thread-safe.
 *
 * @param <T> the immutable document type
 */
public final class ProjectStore<T> implements AutoCloseable {

    /** The file name extension of project files. */
    public static final String EXTENSION = ".keysmith";

    private static final String CREATED_MESSAGE = "Created project";

    private final Path file;
    private final DocumentCodec<T> codec;
    private final StoreDatabase db;
    private final @Nullable ProjectLock lock;
    private final ReentrantLock access = new ReentrantLock();
    private final List<Autosaver<T>> autosavers = new CopyOnWriteArrayList<>();

    private T current;
    private SavedVersion currentVersion;
    private Optional<RecoveredChanges<T>> recovered;
    private @Nullable String autosavedHash;
    private boolean closed;

    private ProjectStore(
            Path file,
            DocumentCodec<T> codec,
            StoreDatabase db,
            @Nullable ProjectLock lock,
            T current,
            SavedVersion currentVersion,
            Optional<RecoveredChanges<T>> recovered,
            @Nullable String autosavedHash) {
        this.file = file;
        this.codec = codec;
        this.db = db;
        this.lock = lock;
        this.current = current;
        this.currentVersion = currentVersion;
        this.recovered = recovered;
        this.autosavedHash = autosavedHash;
        OpenProjects.add(file);
    }

    /**
     * Creates a project file holding {@code initial} as version 1 and opens it for writing. Fails if the file exists
     * or its name does not end with {@value #EXTENSION}.
     */
    public static <T> ProjectStore<T> create(Path file, DocumentCodec<T> codec, T initial) throws ProjectFileException {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(initial, "initial");
        Path name = file.getFileName();
        if (name == null
                || !name.toString().endsWith(EXTENSION)
                || name.toString().equals(EXTENSION)) {
            throw ProjectFileException.badName(file);
        }
        if (Files.exists(file)) {
            throw ProjectFileException.alreadyExists(file);
        }
        ProjectLock lock = ProjectLock.acquire(file);
        try {
            Files.createFile(file); // SQLite deletes a stale WAL found next to an empty database file
        } catch (FileAlreadyExistsException e) {
            lock.close();
            throw ProjectFileException.alreadyExists(file);
        } catch (IOException e) {
            deleteQuietly(file);
            lock.close();
            throw ProjectFileException.io(file, "create", e);
        }
        StoreDatabase db = null;
        try {
            db = StoreDatabase.connect(file, false);
            db.prepareForWriting();
            db.migrate();
            EncodedDocument encoded = EncodedDocument.of(codec.encode(initial));
            SavedVersion first = db.insertVersion(encoded, CREATED_MESSAGE, codec.describe(initial), now());
            return new ProjectStore<>(file, codec, db, lock, initial, first, Optional.empty(), null);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            deleteQuietly(file);
            lock.close();
            throw ProjectFileException.io(file, "create", e);
        }
    }

    /**
     * Opens a project for writing, upgrading an older schema. A file that is not a usable Keysmith project is refused
     * with a {@link ProjectFileException} saying why, and is not modified.
     */
    public static <T> ProjectStore<T> open(Path file, DocumentCodec<T> codec) throws ProjectFileException {
        return open(file, codec, false);
    }

    /** Opens a project for reading only, e.g. while another window or process has it open for writing. */
    public static <T> ProjectStore<T> openReadOnly(Path file, DocumentCodec<T> codec) throws ProjectFileException {
        return open(file, codec, true);
    }

    private static <T> ProjectStore<T> open(Path file, DocumentCodec<T> codec, boolean readOnly)
            throws ProjectFileException {
        Objects.requireNonNull(codec, "codec");
        if (!Files.exists(file)) {
            throw ProjectFileException.notFound(file);
        }
        // A store of this process has the file open and has checked it already (and reading the header here would
        // close a descriptor of the file behind SQLite's back).
        if (!OpenProjects.contains(file)) {
            FileHeader.check(file);
        }
        ProjectLock lock = readOnly ? null : ProjectLock.acquire(file);
        StoreDatabase db = null;
        try {
            db = StoreDatabase.connect(file, readOnly);
            int schema = verify(file, db, readOnly);
            if (!readOnly) {
                db.prepareForWriting();
                if (schema < SchemaMigrations.CURRENT) {
                    db.migrate();
                }
            }
            SavedVersion newest =
                    db.newestVersion().orElseThrow(() -> ProjectFileException.damaged(file, "it has no saved version"));
            T current;
            try {
                current = decode(codec, db.document(newest.contentHash()));
            } catch (IOException | DataFormatException | RuntimeException e) {
                throw ProjectFileException.unreadableDocument(file, newest.id(), e);
            }
            Optional<StoreDatabase.Autosave> autosave = db.autosave();
            Optional<RecoveredChanges<T>> recovered = autosave.filter(
                            a -> !a.document().hash().equals(newest.contentHash()))
                    .flatMap(a -> recover(codec, a));
            return new ProjectStore<>(
                    file,
                    codec,
                    db,
                    lock,
                    current,
                    newest,
                    recovered,
                    autosave.map(a -> a.document().hash()).orElse(null));
        } catch (ProjectFileException e) {
            closeQuietly(db);
            closeQuietly(lock);
            throw e;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            closeQuietly(lock);
            throw translate(file, e);
        }
    }

    /** Checks what the header check could not (through SQLite, which sees the WAL) and returns the schema version. */
    private static int verify(Path file, StoreDatabase db, boolean readOnly) throws SQLException, ProjectFileException {
        if (db.pragmaInt("application_id") != SchemaMigrations.APPLICATION_ID) {
            throw ProjectFileException.notKeysmith(file);
        }
        int schema = db.pragmaInt("user_version");
        if (schema > SchemaMigrations.CURRENT) {
            throw ProjectFileException.newerSchema(file, schema);
        }
        if (!db.meta("application").equals(Optional.of(SchemaMigrations.APPLICATION))) {
            throw ProjectFileException.notKeysmith(file);
        }
        List<String> problems = db.quickCheck();
        if (!problems.isEmpty()) {
            throw ProjectFileException.damaged(file, "integrity check: " + problems.getFirst());
        }
        if (readOnly && schema < SchemaMigrations.CURRENT) {
            throw ProjectFileException.olderSchemaReadOnly(file, schema);
        }
        return schema;
    }

    private static ProjectFileException translate(Path file, Exception e) {
        if (e instanceof SQLiteException sqlite) {
            int primaryCode = sqlite.getResultCode().code & 0xFF;
            if (primaryCode == SQLiteErrorCode.SQLITE_NOTADB.code) {
                return ProjectFileException.notSqlite(file);
            }
            if (primaryCode == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                return ProjectFileException.damaged(file, "SQLite reports: " + sqlite.getMessage(), e);
            }
        }
        return ProjectFileException.io(file, "open", e);
    }

    private static <T> Optional<RecoveredChanges<T>> recover(DocumentCodec<T> codec, StoreDatabase.Autosave autosave) {
        try {
            T document = decode(codec, autosave.document());
            return Optional.of(new RecoveredChanges<>(
                    document, autosave.savedAt(), autosave.baseVersion(), codec.describe(document)));
        } catch (IOException | DataFormatException | RuntimeException e) {
            return Optional.empty(); // a damaged autosave is not worth refusing the project for
        }
    }

    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return lock == null;
    }

    /** The document of the newest saved version (as of opening, for a read-only store). */
    public T current() {
        access.lock();
        try {
            return current;
        } finally {
            access.unlock();
        }
    }

    /** The newest saved version (as of opening, for a read-only store). */
    public SavedVersion currentVersion() {
        access.lock();
        try {
            return currentVersion;
        } finally {
            access.unlock();
        }
    }

    /**
     * Saves the document as the newest version, in one SQLite transaction that is on disk when this returns, and
     * empties the autosave slot. A document identical to the newest version is not saved again: that version is
     * returned.
     */
    public SavedVersion save(T document, String message) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(message, "message");
        EncodedDocument encoded = EncodedDocument.of(codec.encode(document));
        String summary = codec.describe(document);
        access.lock();
        try {
            requireWritable();
            if (!encoded.hash().equals(currentVersion.contentHash())) {
                currentVersion = db.insertVersion(encoded, message, summary, now());
            } else if (autosavedHash != null) {
                db.clearAutosave();
            }
            current = document;
            autosavedHash = null;
            recovered = Optional.empty();
            return currentVersion;
        } catch (SQLException e) {
            throw new ProjectStoreException("Could not save " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    /** Every saved version, newest first. */
    public List<SavedVersion> history() {
        access.lock();
        try {
            requireOpen();
            return db.versions();
        } catch (SQLException e) {
            throw new ProjectStoreException(
                    "Could not read the history of " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    /** The document of a saved version. */
    public T load(long versionId) {
        access.lock();
        try {
            requireOpen();
            return decode(stored(versionId), versionId);
        } finally {
            access.unlock();
        }
    }

    /**
     * Saves an old version's document again as the newest version (history is append-only), with the message
     * "Restored version N: …". Restoring a version identical to the newest returns the newest.
     */
    public SavedVersion restore(long versionId) {
        access.lock();
        try {
            requireWritable();
            SavedVersion old = version(versionId);
            if (old.contentHash().equals(currentVersion.contentHash())) {
                return currentVersion;
            }
            EncodedDocument stored = db.document(old.contentHash());
            T document = decode(stored, versionId);
            currentVersion = db.insertVersion(
                    stored, "Restored version " + old.id() + ": " + old.message(), old.summary(), now());
            current = document;
            autosavedHash = null;
            recovered = Optional.empty();
            return currentVersion;
        } catch (SQLException e) {
            throw new ProjectStoreException(
                    "Could not restore version " + versionId + " of " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    /**
     * Edits autosaved but not saved before the project was last closed (e.g. by a crash), if any. Cleared by the next
     * save or by {@link #discardRecoveredChanges()}; an autosave of new edits also replaces them in the file.
     */
    public Optional<RecoveredChanges<T>> recoveredChanges() {
        access.lock();
        try {
            return recovered;
        } finally {
            access.unlock();
        }
    }

    /** Forgets the recovered changes and empties the autosave slot. */
    public void discardRecoveredChanges() {
        access.lock();
        try {
            requireWritable();
            db.clearAutosave();
            autosavedHash = null;
            recovered = Optional.empty();
        } catch (SQLException e) {
            throw new ProjectStoreException(
                    "Could not discard the autosave of " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    /** A debounced autosaver into this project's autosave slot; closed with the store. */
    public Autosaver<T> autosaver(Duration delay) {
        return autosaver(delay, new AutosaveListener() {});
    }

    /** A debounced autosaver that reports each autosave, or its failure, to the listener on its background thread. */
    public Autosaver<T> autosaver(Duration delay, AutosaveListener listener) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(listener, "listener");
        access.lock();
        try {
            requireWritable();
            Autosaver<T> autosaver = new Autosaver<>(this, delay, listener);
            autosavers.add(autosaver);
            return autosaver;
        } finally {
            access.unlock();
        }
    }

    /**
     * Writes the document to the autosave slot unless it is already there or equals the newest version (then the slot
     * is emptied). Returns when it was written, or nothing when there was nothing to write.
     */
    Optional<Instant> autosave(T document) {
        EncodedDocument encoded = EncodedDocument.of(codec.encode(document));
        access.lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            if (encoded.hash().equals(currentVersion.contentHash())) {
                if (autosavedHash != null) {
                    db.clearAutosave();
                    autosavedHash = null;
                }
                return Optional.empty();
            }
            if (encoded.hash().equals(autosavedHash)) {
                return Optional.empty();
            }
            Instant at = now();
            db.writeAutosave(new StoreDatabase.Autosave(at, currentVersion.id(), encoded));
            autosavedHash = encoded.hash();
            return Optional.of(at);
        } catch (SQLException e) {
            throw new ProjectStoreException("Could not autosave " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            access.unlock();
        }
    }

    void forget(Autosaver<T> autosaver) {
        autosavers.remove(autosaver);
    }

    private SavedVersion version(long versionId) throws SQLException {
        return db.version(versionId)
                .orElseThrow(() ->
                        new IllegalArgumentException("There is no version " + versionId + " in " + file.getFileName()));
    }

    private EncodedDocument stored(long versionId) {
        try {
            return db.document(version(versionId).contentHash());
        } catch (SQLException e) {
            throw new ProjectStoreException(
                    "Could not read version " + versionId + " of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private T decode(EncodedDocument stored, long versionId) {
        try {
            return decode(codec, stored);
        } catch (IOException | DataFormatException e) {
            throw new ProjectStoreException(
                    "Version " + versionId + " of " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T decode(DocumentCodec<T> codec, EncodedDocument stored)
            throws IOException, DataFormatException {
        return codec.decode(stored.inflate());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(file.getFileName() + " is closed");
        }
    }

    private void requireWritable() {
        requireOpen();
        if (lock == null) {
            throw new IllegalStateException(file.getFileName() + " is open read-only");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Writes pending autosaves, closes the file and releases the lock. Closing twice does nothing. */
    @Override
    public void close() {
        for (Autosaver<T> autosaver : new ArrayList<>(autosavers)) {
            autosaver.close();
        }
        access.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(db);
            closeQuietly(lock);
            OpenProjects.remove(file);
        } finally {
            access.unlock();
        }
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing more to do while already failing or closing.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            deleteSidecars(file);
        } catch (IOException e) {
            // Best effort: a half-created file is left for the user to remove.
        }
    }

    private static void deleteSidecars(Path file) throws IOException {
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}

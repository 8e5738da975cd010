package dev.keysmith.modeler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** The SQL of a project file, over one JDBC connection. Not thread-safe: {@link ProjectStore} serialises access. */
final class StoreDatabase implements AutoCloseable {

    /** The autosave slot's row. */
    record Autosave(Instant savedAt, long baseVersion, EncodedDocument document) {}

    private final Connection connection;

    private StoreDatabase(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens a connection without changing anything in the file: no journal-mode switch, no migration. A read-write
     * connection creates the file when it does not exist.
     */
    static StoreDatabase connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (readOnly) {
            config.setReadOnly(true);
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return new StoreDatabase(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    }

    /** Write-ahead logging, and every commit synced to disk before it is acknowledged. */
    void prepareForWriting() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = FULL");
        }
    }

    void migrate() throws SQLException {
        SchemaMigrations.migrate(connection);
    }

    int pragmaInt(String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** {@code PRAGMA quick_check}: an empty list when the file's structure is sound. */
    List<String> quickCheck() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    Optional<String> meta(String key) throws SQLException {
        boolean hasMeta;
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'")) {
            try (ResultSet rs = statement.executeQuery()) {
                hasMeta = rs.next();
            }
        }
        if (!hasMeta) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static final String SELECT_VERSIONS =
            "SELECT v.id, v.saved_at, v.message, v.summary, d.size, v.hash FROM version v JOIN document d ON d.hash = v.hash";

    List<SavedVersion> versions() throws SQLException {
        return queryVersions(SELECT_VERSIONS + " ORDER BY v.id DESC", null);
    }

    Optional<SavedVersion> newestVersion() throws SQLException {
        return queryVersions(SELECT_VERSIONS + " ORDER BY v.id DESC LIMIT 1", null).stream()
                .findFirst();
    }

    Optional<SavedVersion> version(long id) throws SQLException {
        return queryVersions(SELECT_VERSIONS + " WHERE v.id = ?", id).stream().findFirst();
    }

    private List<SavedVersion> queryVersions(String sql, @Nullable Long id) throws SQLException {
        List<SavedVersion> versions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    versions.add(new SavedVersion(
                            rs.getLong(1),
                            Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getString(6)));
                }
            }
        }
        return versions;
    }

    /** The stored document with this hash. */
    EncodedDocument document(String hash) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT size, body FROM document WHERE hash = ?")) {
            statement.setString(1, hash);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no stored document with hash " + hash);
                }
                return new EncodedDocument(hash, rs.getInt(1), rs.getBytes(2));
            }
        }
    }

    /**
     * Appends a version in one transaction: stores the document unless a version already has the same content, adds
     * the version row and empties the autosave slot, which the new version supersedes.
     */
    SavedVersion insertVersion(EncodedDocument document, String message, String summary, Instant savedAt)
            throws SQLException {
        return inTransaction(() -> {
            try (PreparedStatement insertDocument =
                    connection.prepareStatement("INSERT OR IGNORE INTO document (hash, size, body) VALUES (?, ?, ?)")) {
                insertDocument.setString(1, document.hash());
                insertDocument.setInt(2, document.size());
                insertDocument.setBytes(3, document.deflated());
                insertDocument.executeUpdate();
            }
            long id;
            try (PreparedStatement insertVersion = connection.prepareStatement(
                    "INSERT INTO version (saved_at, message, summary, hash) VALUES (?, ?, ?, ?) RETURNING id")) {
                insertVersion.setLong(1, savedAt.toEpochMilli());
                insertVersion.setString(2, message);
                insertVersion.setString(3, summary);
                insertVersion.setString(4, document.hash());
                try (ResultSet rs = insertVersion.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM autosave");
            }
            return new SavedVersion(id, savedAt, message, summary, document.size(), document.hash());
        });
    }

    Optional<Autosave> autosave() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT saved_at, base_version, size, hash, body FROM autosave WHERE slot = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Autosave(
                    Instant.ofEpochMilli(rs.getLong(1)),
                    rs.getLong(2),
                    new EncodedDocument(rs.getString(4), rs.getInt(3), rs.getBytes(5))));
        }
    }

    /**
     * Replaces the autosave slot. Not synced to disk before returning ({@code synchronous=NORMAL}: still atomic and
     * consistent in WAL mode): an autosave lost to a power cut is replaced by the next one.
     */
    void writeAutosave(Autosave autosave) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = NORMAL");
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO autosave (slot, saved_at, base_version, size, hash, body)"
                            + " VALUES (1, ?, ?, ?, ?, ?)")) {
                upsert.setLong(1, autosave.savedAt().toEpochMilli());
                upsert.setLong(2, autosave.baseVersion());
                upsert.setInt(3, autosave.document().size());
                upsert.setString(4, autosave.document().hash());
                upsert.setBytes(5, autosave.document().deflated());
                upsert.executeUpdate();
            } finally {
                statement.execute("PRAGMA synchronous = FULL");
            }
        }
    }

    void clearAutosave() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM autosave");
        }
    }

    private interface Work<R> {
        R run() throws SQLException;
    }

    private <R> R inTransaction(Work<R> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            R result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

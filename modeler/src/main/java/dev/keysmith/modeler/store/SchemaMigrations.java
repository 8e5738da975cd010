package dev.keysmith.modeler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The project file schema, as numbered forward-only migrations. Migration N brings a file from schema N-1 to N in one
 * transaction and records N in {@code PRAGMA user_version} and in the {@code meta} table. A migration, once released,
 * is never edited: a change to the schema is a new migration appended to {@link #MIGRATIONS}.
 */
final class SchemaMigrations {

    /** {@code PRAGMA application_id} of every Keysmith project: the ASCII bytes "KYSM". */
    static final int APPLICATION_ID = 0x4B59534D;

    /** The value of the {@code meta} row {@code application}. */
    static final String APPLICATION = "keysmith";

    /** One step of the schema's history. */
    record Migration(int version, String description, List<String> statements) {}

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(
                    1,
                    "meta, content-addressed documents, append-only version history",
                    List.of(
                            "PRAGMA application_id = " + APPLICATION_ID,
                            """
                            CREATE TABLE meta (
                              key   TEXT PRIMARY KEY,
                              value TEXT NOT NULL
                            )""",
                            "INSERT INTO meta (key, value) VALUES ('application', '" + APPLICATION + "')",
                            "INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                            """
                            CREATE TABLE document (
                              hash TEXT PRIMARY KEY,   -- SHA-256 of the encoded document, lower-case hex
                              size INTEGER NOT NULL,   -- encoded length in bytes
                              body BLOB NOT NULL       -- the encoded document, deflated
                            )""",
                            """
                            CREATE TABLE version (
                              id       INTEGER PRIMARY KEY AUTOINCREMENT,
                              saved_at INTEGER NOT NULL,  -- milliseconds since the epoch
                              message  TEXT NOT NULL,
                              summary  TEXT NOT NULL,
                              hash     TEXT NOT NULL REFERENCES document (hash)
                            )""")),
            new Migration(2, "autosave slot for edits not yet saved as a version", List.of("""
                            CREATE TABLE autosave (
                              slot         INTEGER PRIMARY KEY CHECK (slot = 1),
                              saved_at     INTEGER NOT NULL,
                              base_version INTEGER NOT NULL,  -- the newest version when the autosave was written
                              size         INTEGER NOT NULL,
                              hash         TEXT NOT NULL,
                              body         BLOB NOT NULL
                            )""")));

    /** The schema version this build writes and the newest it reads. */
    static final int CURRENT = MIGRATIONS.getLast().version();

    private SchemaMigrations() {}

    /** Brings the schema to {@link #CURRENT}; a new empty file gets every migration. */
    static void migrate(Connection connection) throws SQLException {
        migrate(connection, CURRENT);
    }

    /** Applies the migrations after the file's version up to {@code target}, each in its own transaction. */
    static void migrate(Connection connection, int target) throws SQLException {
        int from = userVersion(connection);
        for (Migration migration : MIGRATIONS) {
            if (migration.version() > from && migration.version() <= target) {
                apply(connection, migration);
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
            try (PreparedStatement meta = connection.prepareStatement(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)")) {
                meta.setString(1, Integer.toString(migration.version()));
                meta.executeUpdate();
            }
            statement.execute("PRAGMA user_version = " + migration.version());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}

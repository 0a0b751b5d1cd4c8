package dev.keyway.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the store's tables, version by version, recording the version reached in
 * {@code keyway_schema_version}. Each migration runs in one transaction. The same SQL runs on H2
 * and PostgreSQL.
 *
 * <ul>
 *   <li>{@code keyway_data_keys}: the data keys, each wrapped by a master key (its id recorded).
 *   <li>{@code keyway_tokens}: one row per (collection, environment, end user — empty for none,
 *       scope): the sealed token (base64), the data key that sealed it, its expiry in clear for
 *       operators, and a version that every write increments.
 * </ul>
 */
final class Schema {

  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE TABLE keyway_data_keys ("
                  + " id VARCHAR(64) PRIMARY KEY,"
                  + " master_key_id VARCHAR(128) NOT NULL,"
                  + " wrapped VARCHAR(512) NOT NULL,"
                  + " created_at TIMESTAMP NOT NULL)",
              "CREATE TABLE keyway_tokens ("
                  + " collection VARCHAR(200) NOT NULL,"
                  + " environment VARCHAR(8) NOT NULL,"
                  + " end_user VARCHAR(400) NOT NULL,"
                  + " scope VARCHAR(1000) NOT NULL,"
                  + " data_key_id VARCHAR(64),"
                  + " sealed VARCHAR(20000),"
                  + " expires_at TIMESTAMP,"
                  + " version BIGINT NOT NULL,"
                  + " updated_at TIMESTAMP NOT NULL,"
                  + " PRIMARY KEY (collection, environment, end_user, scope))"));

  private Schema() {}

  /** Returns the version this code migrates to. */
  static int latest() {
    return MIGRATIONS.size();
  }

  /** Brings the schema of {@code connection}'s database to the latest version. */
  static void migrate(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS keyway_schema_version (version INT NOT NULL)");
    }
    connection.setAutoCommit(false);
    try {
      int current = current(connection);
      for (int version = current; version < MIGRATIONS.size(); version++) {
        try (Statement statement = connection.createStatement()) {
          for (String sql : MIGRATIONS.get(version)) {
            statement.execute(sql);
          }
          statement.executeUpdate("DELETE FROM keyway_schema_version");
          statement.executeUpdate(
              "INSERT INTO keyway_schema_version (version) VALUES (" + (version + 1) + ")");
        }
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  static int current(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM keyway_schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }
}

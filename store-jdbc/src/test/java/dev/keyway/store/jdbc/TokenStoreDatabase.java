package dev.keyway.store.jdbc;

import dev.keyway.core.secrets.MasterKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database for one test: an H2 file in a temporary folder, or a fresh schema in the PostgreSQL
 * database {@code KEYWAY_TEST_POSTGRES_URL} names (dropped afterwards). Opens as many stores on it
 * as a test wants, like gateway nodes sharing one database.
 */
abstract class TokenStoreDatabase implements AutoCloseable {

  /** Opens a store on this database with {@code master}. */
  abstract JdbcTokenStore open(MasterKey master);

  /** Returns a plain JDBC connection to this database, for looking at the raw rows. */
  abstract Connection connect() throws SQLException;

  /** Drops what the test made, if anything. */
  @Override
  public abstract void close() throws SQLException;

  static TokenStoreDatabase h2(Path dir) {
    Path file = dir.resolve("tokens");
    return new TokenStoreDatabase() {
      @Override
      JdbcTokenStore open(MasterKey master) {
        return JdbcTokenStore.h2(file, master);
      }

      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Returns a fresh schema in the PostgreSQL database at {@code url}.
   *
   * @throws IllegalStateException if it cannot be reached: a set variable means the test must run
   */
  static TokenStoreDatabase postgresql(String url) {
    String schema = "kw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(url);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "KEYWAY_TEST_POSTGRES_URL is set but PostgreSQL cannot be reached ("
              + e.getMessage()
              + ")",
          e);
    }
    String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TokenStoreDatabase() {
      @Override
      JdbcTokenStore open(MasterKey master) {
        return JdbcTokenStore.postgresql(scoped, null, null, master);
      }

      @Override
      Connection connect() throws SQLException {
        return DriverManager.getConnection(scoped);
      }

      @Override
      public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url);
            Statement statement = admin.createStatement()) {
          statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    };
  }
}

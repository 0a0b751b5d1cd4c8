package dev.keyway.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import dev.keyway.spi.TokenStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A durable, encrypted {@link TokenStore} on H2 (an embedded file: the server's default) or
 * PostgreSQL (shared by several gateway nodes). Tokens are sealed with AES-256-GCM under a data key
 * that the {@link MasterKey} wraps, bound to their row (see {@link TokenCodec}).
 *
 * <p>{@link #renew} holds the token's row lock ({@code SELECT ... FOR UPDATE}) for the renewal's
 * whole duration, in one transaction: on every node that shares the database, the renewals of one
 * key run one after the other, each seeing the token the previous one committed, so a rotating
 * refresh token is used once. The new token is committed before the returned stage completes.
 *
 * <p>JDBC runs on the store's own bounded threads, never on a caller's (an event loop): renewals on
 * {@value #RENEWAL_THREADS} threads, which wait for the renewal's token request (at most {@link
 * #RENEWAL_TIMEOUT}), and reads and writes on {@value #QUERY_THREADS} others, so a renewal that
 * reads the store cannot starve itself. A slow database shows as latency.
 *
 * <p>Thread-safe. {@link #close()} releases the threads and the connection pool.
 */
public final class JdbcTokenStore implements TokenStore, AutoCloseable {

  /** How long a renewal may hold a row lock waiting for its token request. */
  public static final Duration RENEWAL_TIMEOUT = Duration.ofSeconds(60);

  private static final int RENEWAL_THREADS = 4;
  private static final int QUERY_THREADS = 4;

  private final HikariDataSource pool;
  private final DataKeys dataKeys;
  private final ExecutorService renewals;
  private final ExecutorService queries;

  private JdbcTokenStore(HikariDataSource pool, MasterKey master) {
    this.pool = pool;
    try (Connection connection = pool.getConnection()) {
      Schema.migrate(connection);
      this.dataKeys = DataKeys.load(connection, master);
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException(
          "the token store's database cannot be prepared (" + e.getSQLState() + ")", e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    this.renewals = Executors.newFixedThreadPool(RENEWAL_THREADS, named("keyway-token-renewal"));
    this.queries = Executors.newFixedThreadPool(QUERY_THREADS, named("keyway-token-store"));
  }

  /** Opens (creating it if needed) the H2 database {@code file} ({@code .mv.db} is added). */
  public static JdbcTokenStore h2(Path file, MasterKey master) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    config.setUsername("sa");
    config.setPassword("");
    return open(config, master);
  }

  /** Opens the PostgreSQL database at JDBC {@code url} as {@code username}. */
  public static JdbcTokenStore postgresql(
      String url, String username, Secret password, MasterKey master) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (username != null) {
      config.setUsername(username);
    }
    if (password != null) {
      config.setPassword(password.reveal());
    }
    return open(config, master);
  }

  private static JdbcTokenStore open(HikariConfig config, MasterKey master) {
    config.setPoolName("keyway-token-store");
    config.setMaximumPoolSize(RENEWAL_THREADS + QUERY_THREADS + 2);
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    return new JdbcTokenStore(new HikariDataSource(config), master);
  }

  @Override
  public CompletionStage<Optional<Token>> load(TokenKey key) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection connection = pool.getConnection()) {
            return read(connection, key, false);
          } catch (SQLException e) {
            throw failure("read", e);
          }
        },
        queries);
  }

  @Override
  public CompletionStage<Token> renew(
      TokenKey key, Function<Optional<Token>, CompletionStage<Token>> renewal) {
    return CompletableFuture.supplyAsync(() -> renewLocked(key, renewal), renewals);
  }

  private Token renewLocked(
      TokenKey key, Function<Optional<Token>, CompletionStage<Token>> renewal) {
    try (Connection connection = pool.getConnection()) {
      ensureRow(connection, key);
      connection.setAutoCommit(false);
      try {
        Optional<Token> stored = read(connection, key, true); // the row lock is ours from here
        Token renewed =
            renewal
                .apply(stored)
                .toCompletableFuture()
                .get(RENEWAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (stored.isEmpty() || stored.get() != renewed) {
          write(connection, key, renewed);
        }
        connection.commit();
        return renewed;
      } catch (ExecutionException e) {
        connection.rollback();
        throw new CompletionException(e.getCause());
      } catch (TimeoutException e) {
        connection.rollback();
        throw new CompletionException(
            new IllegalStateException(
                "collection "
                    + key.collection()
                    + ": a token renewal took longer than "
                    + RENEWAL_TIMEOUT.toSeconds()
                    + " s",
                e));
      } catch (InterruptedException e) {
        connection.rollback();
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("renew", e);
    }
  }

  @Override
  public CompletionStage<Void> save(TokenKey key, Token token) {
    return CompletableFuture.runAsync(
        () -> {
          try (Connection connection = pool.getConnection()) {
            ensureRow(connection, key);
            write(connection, key, token);
          } catch (SQLException e) {
            throw failure("write", e);
          }
        },
        queries);
  }

  @Override
  public CompletionStage<Void> delete(TokenKey key) {
    return CompletableFuture.runAsync(
        () -> {
          try (Connection connection = pool.getConnection();
              PreparedStatement delete =
                  connection.prepareStatement(
                      "DELETE FROM keyway_tokens WHERE collection = ? AND environment = ?"
                          + " AND end_user = ? AND scope = ?")) {
            bindKey(delete, 1, key);
            delete.executeUpdate();
          } catch (SQLException e) {
            throw failure("delete", e);
          }
        },
        queries);
  }

  /** Inserts an empty row for {@code key} if there is none, so it can be locked. */
  private static void ensureRow(Connection connection, TokenKey key) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO keyway_tokens (collection, environment, end_user, scope, version,"
                + " updated_at) SELECT ?, ?, ?, ?, 0, ? WHERE NOT EXISTS (SELECT 1 FROM"
                + " keyway_tokens WHERE collection = ? AND environment = ? AND end_user = ?"
                + " AND scope = ?)")) {
      bindKey(insert, 1, key);
      insert.setTimestamp(5, Timestamp.from(Instant.now()));
      bindKey(insert, 6, key);
      insert.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) { // another node inserted it first: fine
        throw e;
      }
    }
  }

  private Optional<Token> read(Connection connection, TokenKey key, boolean lock)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT sealed, data_key_id FROM keyway_tokens WHERE collection = ? AND environment"
                + " = ? AND end_user = ? AND scope = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      bindKey(select, 1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next() || rows.getString(1) == null) {
          return Optional.empty();
        }
        return Optional.of(
            TokenCodec.open(rows.getString(1), key, dataKeys.get(rows.getString(2), connection)));
      }
    }
  }

  private void write(Connection connection, TokenKey key, Token token) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE keyway_tokens SET sealed = ?, data_key_id = ?, expires_at = ?,"
                + " version = version + 1, updated_at = ? WHERE collection = ? AND environment"
                + " = ? AND end_user = ? AND scope = ?")) {
      update.setString(1, TokenCodec.seal(token, key, dataKeys.active()));
      update.setString(2, dataKeys.active().id());
      update.setTimestamp(3, token.expiresAt().map(Timestamp::from).orElse(null));
      update.setTimestamp(4, Timestamp.from(Instant.now()));
      bindKey(update, 5, key);
      update.executeUpdate();
    }
  }

  private static void bindKey(PreparedStatement statement, int first, TokenKey key)
      throws SQLException {
    statement.setString(first, key.collection());
    statement.setString(first + 1, key.environment().configName());
    statement.setString(first + 2, key.user().orElse(""));
    statement.setString(first + 3, key.scope());
  }

  private static RuntimeException failure(String what, SQLException e) {
    // SQL messages may quote values; name the state only.
    return new IllegalStateException(
        "the token store could not " + what + " a token (SQL state " + e.getSQLState() + ")", e);
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    renewals.shutdownNow();
    queries.shutdownNow();
    pool.close();
  }

  @Override
  public String toString() {
    return "JdbcTokenStore[" + pool.getPoolName() + "]";
  }
}

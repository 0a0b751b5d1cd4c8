package dev.keyway.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.core.secrets.SecretStoreException;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every database behind {@link JdbcTokenStore} must do; a subclass names the database. */
abstract class JdbcTokenStoreContract {

  static final TokenKey KEY = TokenKey.of("bank", Environment.LIVE, "read");
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  final MasterKey master = MasterKey.generate();
  final List<AutoCloseable> open = new ArrayList<>();
  TokenStoreDatabase database;

  abstract TokenStoreDatabase database() throws Exception;

  @BeforeEach
  void start() throws Exception {
    database = database();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (database != null) {
      database.close();
    }
  }

  JdbcTokenStore store() {
    JdbcTokenStore store = database.open(master);
    open.add(store);
    return store;
  }

  static Token token(String access, String refresh) {
    return new Token(
        Secret.of(access),
        "Bearer",
        Optional.ofNullable(refresh).map(Secret::of),
        NOW,
        Optional.of(NOW.plusSeconds(3600)),
        Set.of("read"),
        Map.of(Token.PROVIDER_USER_ID, "p-1", Token.EMAIL, "a@example.test"));
  }

  static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  @DisplayName("saves, loads and deletes a token with every field; keys differ by user and scope")
  void roundTrip() {
    JdbcTokenStore store = store();
    Token saved = token(unique("at"), unique("rt"));
    join(store.save(KEY, saved));
    join(store.save(KEY.forUser("u-1"), token("other", null)));

    Token loaded = join(store.load(KEY)).orElseThrow();
    assertThat(loaded.accessToken().reveal()).isEqualTo(saved.accessToken().reveal());
    assertThat(loaded.refreshToken().orElseThrow().reveal())
        .isEqualTo(saved.refreshToken().orElseThrow().reveal());
    assertThat(loaded.issuedAt()).isEqualTo(saved.issuedAt());
    assertThat(loaded.expiresAt()).isEqualTo(saved.expiresAt());
    assertThat(loaded.scopes()).isEqualTo(saved.scopes());
    assertThat(loaded.details()).isEqualTo(saved.details());
    assertThat(join(store.load(KEY.forUser("u-1"))).orElseThrow().accessToken().reveal())
        .isEqualTo("other");
    assertThat(join(store.load(TokenKey.of("bank", Environment.LIVE, "write")))).isEmpty();

    join(store.delete(KEY));
    assertThat(join(store.load(KEY))).isEmpty();
    assertThat(join(store.load(KEY.forUser("u-1")))).isPresent();
  }

  @Test
  @DisplayName(
      "renew hands the renewal the stored token, keeps its result, and keeps the old one on failure")
  void renew() {
    JdbcTokenStore store = store();
    join(store.save(KEY, token("old", "r-old")));

    AtomicReference<Optional<Token>> seen = new AtomicReference<>();
    Token renewed =
        join(
            store.renew(
                KEY,
                stored -> {
                  seen.set(stored);
                  return CompletableFuture.completedFuture(token("new", "r-new"));
                }));
    assertThat(seen.get().orElseThrow().accessToken().reveal()).isEqualTo("old");
    assertThat(renewed.accessToken().reveal()).isEqualTo("new");
    assertThat(join(store.load(KEY)).orElseThrow().refreshToken().orElseThrow().reveal())
        .isEqualTo("r-new");

    assertThatThrownBy(
            () ->
                join(
                    store.renew(
                        KEY,
                        stored -> CompletableFuture.failedFuture(new IllegalStateException("no")))))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(join(store.load(KEY)).orElseThrow().accessToken().reveal()).isEqualTo("new");
  }

  @Test
  @DisplayName("two stores on one database (two nodes) renew one key one after the other")
  void renewalsAreExclusiveAcrossNodes() throws Exception {
    JdbcTokenStore first = store();
    JdbcTokenStore second = store();
    CompletableFuture<Token> firstAnswer = new CompletableFuture<>();
    CompletableFuture<Void> firstStarted = new CompletableFuture<>();
    CompletionStage<Token> firstRenewal =
        first.renew(
            KEY,
            stored -> {
              firstStarted.complete(null);
              return firstAnswer;
            });
    firstStarted.get(10, TimeUnit.SECONDS);

    AtomicReference<Optional<Token>> seenBySecond = new AtomicReference<>();
    CompletionStage<Token> secondRenewal =
        second.renew(
            KEY,
            stored -> {
              seenBySecond.set(stored);
              return CompletableFuture.completedFuture(stored.orElseThrow());
            });
    Thread.sleep(300); // give the second node time to (wrongly) get past the lock
    assertThat(seenBySecond.get()).as("the second node waits for the first").isNull();

    firstAnswer.complete(token("from-first", "r-first"));
    assertThat(join(firstRenewal).accessToken().reveal()).isEqualTo("from-first");
    assertThat(join(secondRenewal).accessToken().reveal())
        .as("the second node reuses the first one's token")
        .isEqualTo("from-first");
    assertThat(seenBySecond.get().orElseThrow().accessToken().reveal()).isEqualTo("from-first");
  }

  @Test
  @DisplayName("a sealed token copied to another row does not decrypt there")
  void movedCiphertext() throws Exception {
    JdbcTokenStore store = store();
    TokenKey other = KEY.forUser("mallory");
    join(store.save(KEY, token(unique("at"), null)));
    join(store.save(other, token("mallorys", null)));

    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE keyway_tokens SET sealed = (SELECT sealed FROM keyway_tokens WHERE end_user ="
              + " '') WHERE end_user = 'mallory'");
    }
    assertThatThrownBy(() -> join(store.load(other)))
        .hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  @DisplayName("the raw rows hold no token in plain text")
  void noPlaintext() throws Exception {
    JdbcTokenStore store = store();
    String access = unique("access");
    String refresh = unique("refresh");
    join(store.save(KEY, token(access, refresh)));

    StringBuilder dump = new StringBuilder();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      for (String table : List.of("keyway_tokens", "keyway_data_keys")) {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rows.getMetaData();
          while (rows.next()) {
            for (int column = 1; column <= meta.getColumnCount(); column++) {
              dump.append(rows.getString(column)).append('|');
            }
          }
        }
      }
    }
    assertThat(dump.toString()).contains("bank").doesNotContain(access, refresh, "a@example.test");
    assertThat(dump.toString()).doesNotContain(master.revealBase64());
  }

  @Test
  @DisplayName("another master key cannot open the store, and says so without any key")
  void wrongMasterKey() {
    store();
    MasterKey other = MasterKey.generate();
    assertThatThrownBy(() -> database.open(other))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("another master key")
        .hasMessageNotContaining(other.revealBase64());
  }
}

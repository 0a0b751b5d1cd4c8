package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.SecretMetadata;
import dev.keyway.core.secrets.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link SecretStore} backend passes, so that Keyway can rely on the same contract
 * whatever holds its secrets. Extend it with a factory for a fresh, empty store:
 *
 * <pre>{@code
 * class VaultSecretStoreCompatibilityTest extends SecretStoreCompatibilityKit {
 *   @Override protected SecretStore newStore(Clock clock) {
 *     return new VaultSecretStore(vault.address(), "keyway-test-" + UUID.randomUUID(), clock);
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a new store from {@link #newStore(Clock)}, with a {@link FakeClock} the store
 * should date changes with, and closes it afterwards if it is {@link AutoCloseable}.
 */
public abstract class SecretStoreCompatibilityKit {

  private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");

  private final FakeClock clock = new FakeClock(START);
  private SecretStore store;

  /** Returns a new, empty store that reads the time from {@code clock}. */
  protected abstract SecretStore newStore(Clock clock);

  /** Returns the store of the running test. */
  protected final SecretStore store() {
    return store;
  }

  @BeforeEach
  final void openStore() {
    store = newStore(clock);
  }

  @AfterEach
  final void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Test
  @DisplayName("finds a value that was put, as it was put")
  void putAndFind() {
    store.put("kit.plain", Environment.LIVE, Secret.of("value-1"));
    store.put("kit.unicode", Environment.LIVE, Secret.of("pässwörd ✓ 🔑"));
    store.put("kit.empty", Environment.LIVE, Secret.of(""));

    assertThat(store.find("kit.plain", Environment.LIVE).orElseThrow().reveal())
        .isEqualTo("value-1");
    assertThat(store.find("kit.unicode", Environment.LIVE).orElseThrow().reveal())
        .isEqualTo("pässwörd ✓ 🔑");
    assertThat(store.find("kit.empty", Environment.LIVE).orElseThrow().reveal()).isEmpty();
  }

  @Test
  @DisplayName("finds nothing for a name that was never put")
  void missing() {
    assertThat(store.find("kit.never", Environment.DEV)).isEmpty();
    assertThat(store.list()).isEmpty();
  }

  @Test
  @DisplayName("keeps each environment's value apart, and never answers one with another's")
  void environmentsApart() {
    store.put("kit.key", Environment.LIVE, Secret.of("live-value"));

    assertThat(store.find("kit.key", Environment.DEV)).isEmpty();
    store.put("kit.key", Environment.DEV, Secret.of("dev-value"));
    assertThat(store.find("kit.key", Environment.DEV).orElseThrow().reveal())
        .isEqualTo("dev-value");
    assertThat(store.find("kit.key", Environment.LIVE).orElseThrow().reveal())
        .isEqualTo("live-value");
  }

  @Test
  @DisplayName("replaces a value that is put again")
  void replaces() {
    store.put("kit.key", Environment.DEV, Secret.of("first"));
    store.put("kit.key", Environment.DEV, Secret.of("second"));

    assertThat(store.find("kit.key", Environment.DEV).orElseThrow().reveal()).isEqualTo("second");
    assertThat(store.list()).hasSize(1);
  }

  @Test
  @DisplayName("deletes a value in one environment only, and says whether there was one")
  void deletes() {
    store.put("kit.key", Environment.DEV, Secret.of("dev-value"));
    store.put("kit.key", Environment.LIVE, Secret.of("live-value"));

    assertThat(store.delete("kit.key", Environment.DEV)).isTrue();
    assertThat(store.delete("kit.key", Environment.DEV)).isFalse();
    assertThat(store.find("kit.key", Environment.DEV)).isEmpty();
    assertThat(store.find("kit.key", Environment.LIVE)).isPresent();
  }

  @Test
  @DisplayName("lists names, environments and last changes, ordered by name then environment")
  void lists() {
    store.put("kit.b", Environment.LIVE, Secret.of("b-live"));
    clock.advance(Duration.ofMinutes(3));
    store.put("kit.a", Environment.LIVE, Secret.of("a-live"));
    store.put("kit.a", Environment.DEV, Secret.of("a-dev"));

    assertThat(store.list())
        .containsExactly(
            new SecretMetadata("kit.a", Environment.DEV, START.plus(Duration.ofMinutes(3))),
            new SecretMetadata("kit.a", Environment.LIVE, START.plus(Duration.ofMinutes(3))),
            new SecretMetadata("kit.b", Environment.LIVE, START));
  }

  @Test
  @DisplayName("never shows a value in toString() or in what list() returns")
  void valuesHidden() {
    String value = "kit-hidden-" + Credentials.random();
    store.put("kit.hidden", Environment.LIVE, Secret.of(value));

    SecretLeaks leaks = new SecretLeaks(java.util.Set.of(value));
    leaks.assertNone("the store's toString()", store.toString());
    leaks.assertNone("list()", store.list().toString());
    leaks.assertNone(
        "the found secret's toString()", store.find("kit.hidden", Environment.LIVE).toString());
  }

  @Test
  @DisplayName("refuses names outside the rule, for every operation, without quoting them")
  void badNames() {
    for (String name : List.of("", "has space", "-first", "a/b", "x".repeat(129))) {
      assertThatThrownBy(() -> store.put(name, Environment.DEV, Secret.of("v")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.find(name, Environment.DEV))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.delete(name, Environment.DEV))
          .isInstanceOf(IllegalArgumentException.class);
    }
    String pasted = "sk_live_" + Credentials.random();
    assertThatThrownBy(() -> store.put(pasted + " x", Environment.DEV, Secret.of("v")))
        .satisfies(e -> new SecretLeaks(java.util.Set.of(pasted)).assertNone("the message", e));
  }

  @Test
  @DisplayName("keeps every value put from 8 threads at once")
  void concurrentPuts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        int n = i;
        done.add(pool.submit(() -> store.put("kit.n" + n, Environment.DEV, Secret.of("v" + n))));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.list()).hasSize(32);
    for (int i = 0; i < 32; i++) {
      assertThat(store.find("kit.n" + i, Environment.DEV).orElseThrow().reveal())
          .isEqualTo("v" + i);
    }
  }
}

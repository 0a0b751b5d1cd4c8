package dev.keyway.spi;

import dev.keyway.api.InvalidConfigException;
import java.util.List;

/**
 * An authentication method, found with {@link java.util.ServiceLoader}: the {@code type} of a
 * collection's {@code auth} block selects it, and {@link #create} turns that block into an {@link
 * AuthMethod}.
 *
 * <p>A plugin is a jar that depends on {@code keyway-api} only and names its provider in {@code
 * META-INF/services/dev.keyway.spi.AuthProvider}:
 *
 * <pre>{@code
 * public final class ApiTokenProvider implements AuthProvider {
 *   public String type() { return "x-api-token"; }
 *   public int apiVersion() { return AuthProvider.API_VERSION; } // compiled in: the version you built against
 *   public List<SettingSpec> settings() {
 *     return List.of(SettingSpec.required("token", "the API token").asSecret());
 *   }
 *   public AuthMethod create(Settings settings, AuthContext context) {
 *     ConfigProblems problems = new ConfigProblems();
 *     Secret token = problems.requireSecret(settings, "token");
 *     problems.throwIfAny();
 *     return request -> CompletableFuture.completedFuture(
 *         request.withHeader("X-Api-Token", token.reveal()));
 *   }
 * }
 * }</pre>
 *
 * <p>Core refuses a provider whose {@link #apiVersion()} it does not support, and refuses two
 * providers claiming the same {@link #type()}. Test a provider by extending {@code
 * AuthProviderCompatibilityKit} from {@code keyway-testkit}.
 */
public interface AuthProvider {

  /**
   * The version of this SPI. A compile-time constant, so {@code return AuthProvider.API_VERSION;}
   * in a provider records the version it was built against.
   */
  int API_VERSION = 1;

  /** Returns the {@code type} this provider handles, e.g. {@code header-key}. */
  String type();

  /**
   * Returns the SPI version the provider was built for: {@code return AuthProvider.API_VERSION;}.
   */
  int apiVersion();

  /** Returns one line saying what the method does, for {@code keyway doctor} and the docs. */
  default String description() {
    return type();
  }

  /** Returns every setting the method reads; core rejects settings not listed here. */
  List<SettingSpec> settings();

  /**
   * Validates {@code settings} and returns the method for one collection.
   *
   * @throws InvalidConfigException listing every problem, each with its config path and never a
   *     secret's value
   */
  AuthMethod create(Settings settings, AuthContext context);
}

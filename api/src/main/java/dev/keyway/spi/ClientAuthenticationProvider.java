package dev.keyway.spi;

import java.util.List;

/**
 * A client authentication method for token requests, found with {@link java.util.ServiceLoader}
 * under {@code META-INF/services/dev.keyway.spi.ClientAuthenticationProvider}: a collection's
 * {@code clientAuth} setting selects it by {@link #method()}. Core offers the secret-based methods
 * itself; this is how {@code private_key_jwt} (and any other scheme) joins without core carrying
 * its code.
 *
 * <pre>{@code
 * public final class PrivateKeyJwtProvider implements ClientAuthenticationProvider {
 *   public String method() { return "private_key_jwt"; }
 *   public int apiVersion() { return AuthProvider.API_VERSION; }
 *   public List<SettingSpec> settings() { return List.of(SettingSpec.required("privateKey", "...")); }
 *   public ClientAuthentication create(String clientId, String tokenEndpoint, Settings settings,
 *       AuthContext context) { ... }
 * }
 * }</pre>
 *
 * <p>Its settings sit in the auth block beside {@code clientAuth}; core accepts them in the block
 * of every method that reads {@code clientAuth}.
 */
public interface ClientAuthenticationProvider {

  /** Returns the {@code clientAuth} value this provider handles, e.g. {@code private_key_jwt}. */
  String method();

  /** Returns the SPI version the provider was built for: {@code AuthProvider.API_VERSION}. */
  int apiVersion();

  /** Returns the settings it reads from the auth block, besides {@code clientId}. */
  List<SettingSpec> settings();

  /**
   * Validates {@code settings} (the whole auth block) and returns the authentication of client
   * {@code clientId} at {@code tokenEndpoint}.
   *
   * @throws dev.keyway.api.InvalidConfigException listing every problem with its path
   */
  ClientAuthentication create(
      String clientId, String tokenEndpoint, Settings settings, AuthContext context);
}

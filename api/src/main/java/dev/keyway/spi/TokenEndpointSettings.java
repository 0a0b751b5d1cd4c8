package dev.keyway.spi;

import java.util.List;

/**
 * The settings {@link AuthContext#tokenEndpoint} reads, for a token method's {@link
 * AuthProvider#settings()}. Because the list holds {@code clientAuth}, core also accepts the
 * settings of every installed {@link ClientAuthenticationProvider} (such as {@code privateKey} for
 * {@code private_key_jwt}) in the method's auth block.
 */
public final class TokenEndpointSettings {

  /** The name of the setting that chooses the client authentication. */
  public static final String CLIENT_AUTH = "clientAuth";

  private TokenEndpointSettings() {}

  /**
   * Returns the specs of {@code tokenEndpoint}, {@code clientId}, {@code clientSecret} and {@code
   * clientAuth}.
   */
  public static List<SettingSpec> specs() {
    return List.of(
        SettingSpec.required("tokenEndpoint", "the token endpoint URL (RFC 6749 §3.2)"),
        SettingSpec.optional("clientId", "the client id registered at the authorization server"),
        SettingSpec.optional("clientSecret", "the client secret").asSecret(),
        SettingSpec.optional(
            CLIENT_AUTH,
            "client_secret_basic (default with a secret), client_secret_post, none (default"
                + " without), or a plugin's method such as private_key_jwt"));
  }
}

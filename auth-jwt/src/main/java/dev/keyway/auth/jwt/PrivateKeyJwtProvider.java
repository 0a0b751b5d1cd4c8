package dev.keyway.auth.jwt;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.ClientAuthentication;
import dev.keyway.spi.ClientAuthenticationProvider;
import dev.keyway.spi.SettingSpec;
import dev.keyway.spi.Settings;
import java.util.List;

/**
 * Provides the {@code private_key_jwt} client authentication (RFC 7523 §2.2) to every token method
 * that reads {@code clientAuth}: the client proves itself with a JWT signed by its private key
 * instead of a shared secret.
 *
 * <pre>{@code
 * auth:
 *   type: oauth2-client-credentials
 *   tokenEndpoint: https://auth.example.com/oauth/token
 *   clientId: keyway
 *   clientAuth: private_key_jwt
 *   privateKey: "${secret:keyway.client-key}"   # PEM, RSA or EC; keyPassword if encrypted
 *   kid: key-2025                               # optional, put in the JWT header
 * }</pre>
 *
 * <p>Registered in {@code META-INF/services/dev.keyway.spi.ClientAuthenticationProvider}, so core
 * finds it when {@code keyway-auth-jwt} is on the class path.
 */
public final class PrivateKeyJwtProvider implements ClientAuthenticationProvider {

  @Override
  public String method() {
    return "private_key_jwt";
  }

  @Override
  public int apiVersion() {
    return AuthProvider.API_VERSION;
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.optional(
                AssertionKey.PRIVATE_KEY,
                "the client's signing key as PEM (RSA or EC); required with clientAuth"
                    + " private_key_jwt")
            .asSecret(),
        SettingSpec.optional(AssertionKey.KEY_PASSWORD, "the password of an encrypted key")
            .asSecret(),
        SettingSpec.optional(
            AssertionKey.ALGORITHM,
            "RS256 (default for RSA), RS384, RS512, PS256, PS384, PS512; ES* by curve"),
        SettingSpec.optional(AssertionKey.KID, "the key id put in the client assertion's header"));
  }

  @Override
  public ClientAuthentication create(
      String clientId, String tokenEndpoint, Settings settings, AuthContext context) {
    ConfigProblems problems = new ConfigProblems();
    AssertionSigner signer =
        AssertionKey.read(settings, "required for clientAuth private_key_jwt", problems)
            .orElse(null);
    problems.throwIfAny();
    return new PrivateKeyJwt(
        context.collection(), clientId, tokenEndpoint, signer, context.clock());
  }

  @Override
  public String toString() {
    return "PrivateKeyJwtProvider[" + method() + "]";
  }
}

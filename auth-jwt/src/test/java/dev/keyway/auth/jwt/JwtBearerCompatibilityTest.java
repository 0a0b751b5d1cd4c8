package dev.keyway.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.Sandbox;
import dev.keyway.testkit.TokenMethodCompatibilityKit;
import java.security.KeyPair;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the plugin compatibility kit against jwt-bearer and the sandbox's authorization server,
 * which trusts the kit's RSA key for issuer {@code kit-robot} and not the other one.
 *
 * <p>As for every token method, four kit tests are replaced: wrong credentials are refused at the
 * token endpoint ({@code invalid_grant}), so the call fails before the API is reached; a valid call
 * makes one token request and one API call; an empty auth block is refused although no single
 * setting is required (a key file may stand in for {@code iss}, {@code privateKey} and {@code
 * tokenEndpoint}).
 */
class JwtBearerCompatibilityTest extends TokenMethodCompatibilityKit {

  private static final String ISSUER = "kit-robot";
  private static final KeyPair TRUSTED = Pems.rsa(2048);
  private static final KeyPair UNTRUSTED = Pems.rsa(2048);

  @Override
  protected AuthProvider provider() {
    return new JwtBearerProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    sandbox.oauth().trustAssertionKey(ISSUER, TRUSTED.getPublic());
    return settings(sandbox, Pems.traditional(TRUSTED.getPrivate()));
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return settings(sandbox, Pems.pkcs8(UNTRUSTED.getPrivate()));
  }

  private static Map<String, Object> settings(Sandbox sandbox, String privateKey) {
    return Map.of(
        "iss",
        ISSUER,
        "tokenEndpoint",
        sandbox.oauth().tokenUrl().toString(),
        "privateKey",
        privateKey,
        "scope",
        "read");
  }

  /** Adds each base64 line of both keys: no message may hold a piece of a key either. */
  @Override
  protected Set<String> secretValues(Sandbox sandbox) {
    Set<String> values = new LinkedHashSet<>(super.secretValues(sandbox));
    values.addAll(JwtBearerTest.pemLines(Pems.traditional(TRUSTED.getPrivate())));
    values.addAll(JwtBearerTest.pemLines(Pems.pkcs8(UNTRUSTED.getPrivate())));
    values.addAll(sandbox.oauth().issuedAccessTokens());
    return values;
  }

  @Override
  @Test
  @DisplayName("an auth block of only its type is refused, naming iss, privateKey, tokenEndpoint")
  public void emptyAuthBlock() {
    assertThatThrownBy(() -> buildKeyway(Map.of()))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            refused ->
                assertThat(refused.problems().stream().map(ConfigProblem::path))
                    .containsExactlyInAnyOrder(
                        "collections.kit.auth.iss",
                        "collections.kit.auth.privateKey",
                        "collections.kit.auth.tokenEndpoint"));
  }

  @Override
  protected String wrongCredentialsError() {
    return "invalid_grant"; // the sandbox trusts no key for the wrong assertion
  }
}

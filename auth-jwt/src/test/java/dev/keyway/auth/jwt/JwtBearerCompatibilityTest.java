package dev.keyway.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.LogCapture;
import dev.keyway.testkit.Sandbox;
import java.security.KeyPair;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
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
class JwtBearerCompatibilityTest extends AuthProviderCompatibilityKit {

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

  @Override
  protected String sandboxPath() {
    return "/oauth/api/things";
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

  private static ApiResponse call(Keyway keyway) {
    return keyway.call("kit", "probe", Map.of()).toCompletableFuture().join();
  }

  private long apiCalls() {
    return sandbox().requests().stream()
        .filter(request -> request.rawPath().startsWith("/oauth/api/"))
        .count();
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
  @Test
  @DisplayName(
      "a call with valid credentials makes one token request and one API call, which succeeds")
  public void validCall() {
    ApiResponse response = call(buildKeyway(validSettings(sandbox())));

    assertThat(response.status()).as("the sandbox answered %s", response.bodyText()).isEqualTo(200);
    assertThat(sandbox().oauth().tokenRequests()).isEqualTo(1);
    assertThat(apiCalls()).isEqualTo(1);
  }

  @Override
  @Test
  @DisplayName("wrong credentials are refused at the token endpoint; the API is never called")
  public void wrongCall() {
    Keyway keyway = buildKeyway(wrongSettings(sandbox()));

    assertThatThrownBy(() -> call(keyway))
        .isInstanceOf(CompletionException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            cause -> assertThat(cause.error()).isEqualTo("invalid_grant"))
        .hasMessageContaining("collection kit");
    assertThat(sandbox().oauth().tokenRequests()).isPositive();
    assertThat(apiCalls()).isZero();
  }

  @Override
  @Test
  @DisplayName("no secret appears in the logs or the exception of a successful and a refused call")
  public void logsKeepSecrets() {
    String logs;
    Throwable refused;
    try (LogCapture capture = LogCapture.start()) {
      assertThat(call(buildKeyway(validSettings(sandbox()))).status()).isEqualTo(200);
      Keyway wrong = buildKeyway(wrongSettings(sandbox()));
      refused = catchThrowable(() -> call(wrong));
      logs = capture.text();
    }
    assertThat(refused).isNotNull();
    String thrown = BearerKeyway.text(refused);
    Set<String> secrets = secretValues(sandbox());
    assertThat(secrets).hasSizeGreaterThan(10);
    for (String secret : secrets) {
      assertThat(logs).as("the logs").doesNotContain(secret);
      assertThat(thrown).as("the exception").doesNotContain(secret);
    }
  }
}

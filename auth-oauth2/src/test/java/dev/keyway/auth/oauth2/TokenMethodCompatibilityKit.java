package dev.keyway.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.LogCapture;
import dev.keyway.testkit.RecordedRequest;
import dev.keyway.testkit.Sandbox;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for a token method against the sandbox's authorization server: the token
 * endpoint and the protected resource {@code /oauth/api/**} are both on the sandbox.
 *
 * <p>Three kit tests assume that every credential reaches the upstream API, which a token method's
 * do not: the sandbox records the token request as well as the call, and wrong credentials are
 * refused at the token endpoint, so the call fails before the API is reached instead of getting a
 * 401 from it. Those tests are replaced here by what a token method does instead: a valid call
 * makes one token request and one API call; a wrong one fails with the token endpoint's error code,
 * never reaching the API; and neither leaves a secret in the logs or the exception.
 */
abstract class TokenMethodCompatibilityKit extends AuthProviderCompatibilityKit {

  /**
   * Returns the RFC 6749 error code (or Keyway's) the token endpoint answers wrongSettings with.
   */
  protected abstract String wrongCredentialsError();

  @Override
  protected Sandbox startSandbox() {
    return Sandbox.builder().oauthClient("kit-client", TokenServer.TRICKY_SECRET).start();
  }

  @Override
  protected String sandboxPath() {
    return "/oauth/api/things";
  }

  private static ApiResponse call(Keyway keyway) {
    return keyway.call("kit", "probe", Map.of()).toCompletableFuture().join();
  }

  private long apiCalls() {
    return sandbox().requests().stream()
        .map(RecordedRequest::rawPath)
        .filter(path -> path.startsWith("/oauth/api/"))
        .count();
  }

  @Override
  @Test
  @DisplayName(
      "a call with valid credentials makes one token request and one API call, which succeeds")
  public void validCall() {
    ApiResponse response = call(buildKeyway(validSettings(sandbox())));

    assertThat(response.status())
        .as("status; the sandbox answered %s", response.bodyText())
        .isEqualTo(200);
    assertThat(sandbox().oauth().tokenRequests()).as("token requests").isEqualTo(1);
    assertThat(apiCalls()).as("API calls").isEqualTo(1);
  }

  @Override
  @Test
  @DisplayName("wrong credentials are refused at the token endpoint; the API is never called")
  public void wrongCall() {
    Keyway keyway = buildKeyway(wrongSettings(sandbox()));

    assertThatThrownBy(() -> call(keyway))
        .isInstanceOf(CompletionException.class)
        .hasRootCauseInstanceOf(TokenRequestException.class)
        .rootCause()
        .satisfies(
            cause ->
                assertThat(((TokenRequestException) cause).error())
                    .isEqualTo(wrongCredentialsError()))
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
    String thrown = OAuthKeyway.text(refused);
    for (String secret : secretValues(sandbox())) {
      if (secret.length() >= 4) {
        assertThat(logs).as("the logs").doesNotContain(secret);
        assertThat(thrown).as("the exception").doesNotContain(secret);
      }
    }
  }
}

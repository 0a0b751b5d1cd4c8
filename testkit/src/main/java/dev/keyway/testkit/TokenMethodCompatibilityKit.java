package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.spi.TokenRequestException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for a token method — one that gets its credentials from an authorization
 * server through core's token machinery — against the {@link Sandbox}'s OAuth2 server: the token
 * endpoint and the protected resource {@code /oauth/api/**} are both on the sandbox, whose
 * confidential client is {@code kit-client} with secret {@link #CLIENT_SECRET}.
 *
 * <p>Three tests of {@link AuthProviderCompatibilityKit} assume every credential reaches the API,
 * which a token method's do not; they are replaced by what a token method does instead: a valid
 * call makes one token request and one API call; wrong credentials are refused at the token
 * endpoint with the server's error code ({@link #wrongCredentialsError()}), never reaching the API;
 * and neither leaves a secret in the logs or the exception.
 *
 * <pre>{@code
 * class MyGrantCompatibilityTest extends TokenMethodCompatibilityKit {
 *   protected AuthProvider provider() { return new MyGrantProvider(); }
 *   protected Map<String, Object> validSettings(Sandbox sandbox) {
 *     return Map.of("tokenEndpoint", sandbox.oauth().tokenUrl().toString(),
 *         "clientId", "kit-client", "clientSecret", CLIENT_SECRET);
 *   }
 *   protected Map<String, Object> wrongSettings(Sandbox sandbox) { ... "clientSecret", "wrong" ... }
 *   protected String wrongCredentialsError() { return "invalid_client"; }
 * }
 * }</pre>
 */
public abstract class TokenMethodCompatibilityKit extends AuthProviderCompatibilityKit {

  /** The sandbox client's id. */
  public static final String CLIENT_ID = "kit-client";

  /**
   * The sandbox client's secret: with {@code :}, {@code +}, {@code %}, a space and non-ASCII
   * characters, so client authentication must encode it right (RFC 6749 §2.3.1).
   */
  public static final String CLIENT_SECRET = "s3:cr+t%20 ünï/=&?";

  /** Returns the error code the token endpoint answers {@link #wrongSettings} with. */
  protected abstract String wrongCredentialsError();

  @Override
  protected Sandbox startSandbox() {
    return Sandbox.builder().oauthClient(CLIENT_ID, CLIENT_SECRET).start();
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
    StringWriter thrown = new StringWriter();
    refused.printStackTrace(new PrintWriter(thrown));
    for (String secret : secretValues(sandbox())) {
      if (secret.length() >= 4) {
        assertThat(logs).as("the logs").doesNotContain(secret);
        assertThat(thrown.toString()).as("the exception").doesNotContain(secret);
      }
    }
    for (String token : sandbox().oauth().issuedAccessTokens()) {
      assertThat(logs).as("the logs").doesNotContain(token);
      assertThat(thrown.toString()).as("the exception").doesNotContain(token);
    }
  }
}

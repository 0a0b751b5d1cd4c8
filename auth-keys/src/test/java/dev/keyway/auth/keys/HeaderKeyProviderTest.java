package dev.keyway.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.Body;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.testkit.TestAuthContext;
import dev.keyway.testkit.TestSettings;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("header-key")
class HeaderKeyProviderTest {

  private static final String KEY = "Bearer sk_test_4eC39HqLyjWD";

  private final AuthProvider provider = new HeaderKeyProvider();

  private static OutboundRequest request() {
    return OutboundRequest.create("GET", URI.create("http://127.0.0.1:8080"), "/v1/things");
  }

  private AuthMethod create(String... settings) {
    return provider.create(TestSettings.of((Object[]) settings), TestAuthContext.create());
  }

  private static OutboundRequest applied(AuthMethod method, OutboundRequest request) {
    CompletableFuture<OutboundRequest> future = method.apply(request).toCompletableFuture();
    assertThat(future).isCompleted();
    return future.join();
  }

  private InvalidConfigException invalid(String... settings) {
    return catchThrowableOfType(InvalidConfigException.class, () -> create(settings));
  }

  @Test
  @DisplayName("describes itself as header-key for the current SPI version")
  void identity() {
    assertThat(provider.type()).isEqualTo("header-key");
    assertThat(provider.apiVersion()).isEqualTo(AuthProvider.API_VERSION);
    assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    assertThat(provider.settings())
        .containsExactly(
            new SettingSpec(
                "keyName",
                false,
                false,
                true,
                "the header that carries the key (default Authorization)"),
            new SettingSpec(
                "key",
                true,
                true,
                true,
                "the whole header value, including a prefix such as 'Bearer '"));
  }

  @Test
  @DisplayName("sends the key in Authorization when keyName is not set")
  void defaultHeader() {
    OutboundRequest signed = applied(create("key", KEY), request());

    assertThat(signed.headers().entries()).hasSize(1);
    assertThat(signed.headers().entries().get(0).getKey()).isEqualTo("Authorization");
    assertThat(signed.headers().entries().get(0).getValue()).isEqualTo(KEY);
  }

  @Test
  @DisplayName("sends the key in the header keyName names, exactly as configured")
  void namedHeader() {
    OutboundRequest signed = applied(create("keyName", "X-Api-Key", "key", "k-123"), request());

    assertThat(signed.headers().entries().get(0).getKey()).isEqualTo("X-Api-Key");
    assertThat(signed.headers().all("x-api-key")).containsExactly("k-123");
  }

  @Test
  @DisplayName("replaces a header of the same name, whatever its case, and keeps the others")
  void replaces() {
    OutboundRequest request =
        request().withHeader("authorization", "Bearer caller-token").withHeader("Accept", "*/*");

    OutboundRequest signed = applied(create("key", KEY), request);

    assertThat(signed.headers().all("Authorization")).containsExactly(KEY);
    assertThat(signed.headers().all("Accept")).containsExactly("*/*");
  }

  @Test
  @DisplayName("leaves the method, URL and body of the request alone")
  void leavesTheRestAlone() {
    OutboundRequest request =
        OutboundRequest.create("POST", URI.create("https://api.example.com"), "/v1/a%20b")
            .withQueryParameter("q", "1")
            .withBody(Body.json("{\"a\":1}"));

    OutboundRequest signed = applied(create("key", KEY), request);

    assertThat(signed.method()).isEqualTo("POST");
    assertThat(signed.uri()).isEqualTo(URI.create("https://api.example.com/v1/a%20b?q=1"));
    assertThat(signed.body().text()).isEqualTo("{\"a\":1}");
  }

  @Test
  @DisplayName("reports a missing key at its config path")
  void missingKey() {
    assertThat(invalid("keyName", "X-Api-Key").problems())
        .containsExactly(new ConfigProblem("collections.x.auth.key", "required"));
  }

  @Test
  @DisplayName("reports an empty key")
  void emptyKey() {
    assertThat(invalid("key", "").problems())
        .containsExactly(new ConfigProblem("collections.x.auth.key", "must not be empty"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"X Api Key", "X-Api-Key:", "Ä-Key", "", "X-Api\nKey"})
  @DisplayName("reports a keyName that is not a header name")
  void badKeyName(String keyName) {
    assertThat(invalid("keyName", keyName, "key", KEY).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("collections.x.auth.keyName");
              assertThat(problem.message()).startsWith("not a valid header name");
            });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "Bearer sk_secret_1\n",
        "Bearer sk_secret_1\r\nX-Evil: 1",
        "Bearer sk_\u0000secret_1",
        "Bearer sk_\u007fsecret_1"
      })
  @DisplayName("reports a key with a control character without quoting it")
  void controlCharacter(String key) {
    InvalidConfigException error = invalid("key", key);

    assertThat(error.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("collections.x.auth.key");
              assertThat(problem.message()).contains("control character");
            });
    assertThat(error).hasMessageNotContaining("sk_").hasMessageNotContaining("secret_1");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {" Bearer sk_secret_1", "Bearer sk_secret_1 ", "Bearer sk_secret_1\t"})
  @DisplayName("reports a key with leading or trailing whitespace, which HTTP would drop")
  void surroundingWhitespace(String key) {
    InvalidConfigException error = invalid("key", key);

    assertThat(error.problems())
        .containsExactly(
            new ConfigProblem(
                "collections.x.auth.key",
                "starts or ends with whitespace, which HTTP drops; remove it"));
    assertThat(error).hasMessageNotContaining("sk_secret_1");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"Bearer\u00a0sk_secret_1", "\u201csk_secret_1\u201d", "sk_secret_1é"})
  @DisplayName("reports a key with a non-ASCII character, such as a pasted non-breaking space")
  void nonAscii(String key) {
    InvalidConfigException error = invalid("key", key);

    assertThat(error.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("collections.x.auth.key");
              assertThat(problem.message()).contains("not printable ASCII");
            });
    assertThat(error).hasMessageNotContaining("sk_secret_1");
  }

  @Test
  @DisplayName("reports every problem at once")
  void everyProblem() {
    assertThat(invalid("keyName", "X Api Key").problems())
        .extracting(ConfigProblem::path)
        .containsExactly("collections.x.auth.keyName", "collections.x.auth.key");
  }

  @Test
  @DisplayName("accepts a key with inner spaces and tabs, as schemes need")
  void innerWhitespace() {
    OutboundRequest signed = applied(create("key", "Token\tsk 1"), request());

    assertThat(signed.headers().first("Authorization")).contains("Token\tsk 1");
  }

  @Test
  @DisplayName("shows the type and header name in toString, never the key")
  void toStringHidesTheKey() {
    assertThat(create("keyName", "X-Api-Key", "key", "sk_secret_1"))
        .hasToString("header-key[X-Api-Key]");
  }
}

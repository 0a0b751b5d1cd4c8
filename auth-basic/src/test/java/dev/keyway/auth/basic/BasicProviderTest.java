package dev.keyway.auth.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.testkit.TestAuthContext;
import dev.keyway.testkit.TestSettings;
import java.net.URI;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("basic")
class BasicProviderTest {

  private final AuthProvider provider = new BasicProvider();

  private static OutboundRequest request() {
    return OutboundRequest.create("GET", URI.create("http://127.0.0.1:8080"), "/v1/things");
  }

  private AuthMethod create(String... settings) {
    return provider.create(TestSettings.of((Object[]) settings), TestAuthContext.create());
  }

  private String authorization(String username, String password) {
    CompletableFuture<OutboundRequest> signed =
        create("username", username, "password", password).apply(request()).toCompletableFuture();
    assertThat(signed).isCompleted();
    return signed.join().headers().all("Authorization").get(0);
  }

  private InvalidConfigException invalid(String... settings) {
    return catchThrowableOfType(InvalidConfigException.class, () -> create(settings));
  }

  @Test
  @DisplayName("describes itself as basic for the current SPI version")
  void identity() {
    assertThat(provider.type()).isEqualTo("basic");
    assertThat(provider.apiVersion()).isEqualTo(AuthProvider.API_VERSION);
    assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    assertThat(provider.settings())
        .extracting(SettingSpec::name, SettingSpec::required, SettingSpec::secret)
        .containsExactly(tuple("username", true, false), tuple("password", true, true));
    assertThat(provider.settings()).allMatch(SettingSpec::perEnvironment);
  }

  @Test
  @DisplayName("is registered for ServiceLoader")
  void registered() {
    assertThat(ServiceLoader.load(AuthProvider.class, getClass().getClassLoader()))
        .filteredOn(found -> found instanceof BasicProvider)
        .singleElement()
        .extracting(AuthProvider::type)
        .isEqualTo("basic");
  }

  @Test
  @DisplayName("encodes the RFC 7617 example Aladdin / open sesame")
  void rfcExample() {
    assertThat(authorization("Aladdin", "open sesame"))
        .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  }

  @Test
  @DisplayName("encodes non-ASCII credentials as UTF-8, like the RFC 7617 §2.1 example")
  void utf8() {
    assertThat(authorization("test", "123£")).isEqualTo("Basic dGVzdDoxMjPCow==");
  }

  @Test
  @DisplayName("encodes a non-ASCII username and a password with a colon and a space")
  void nonAsciiUsername() {
    // base64("Jürgen:pa:ss wörd" as UTF-8)
    assertThat(authorization("Jürgen", "pa:ss wörd"))
        .isEqualTo("Basic SsO8cmdlbjpwYTpzcyB3w7ZyZA==");
  }

  @Test
  @DisplayName("normalizes to NFC, so a decomposed ü sends the same credentials as a composed one")
  void nfc() {
    assertThat(authorization("Ju\u0308rgen", "wo\u0308rd"))
        .isEqualTo(authorization("J\u00fcrgen", "w\u00f6rd"));
  }

  @Test
  @DisplayName("accepts an empty password")
  void emptyPassword() {
    // base64("apikey:")
    assertThat(authorization("apikey", "")).isEqualTo("Basic YXBpa2V5Og==");
  }

  @Test
  @DisplayName("replaces an Authorization header the call set")
  void replaces() {
    OutboundRequest request = request().withHeader("authorization", "Bearer other");

    OutboundRequest signed =
        create("username", "Aladdin", "password", "open sesame")
            .apply(request)
            .toCompletableFuture()
            .join();

    assertThat(signed.headers().all("Authorization"))
        .containsExactly("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  }

  @Test
  @DisplayName("reports a missing username and password at their config paths")
  void missing() {
    assertThat(invalid().problems())
        .containsExactly(
            new ConfigProblem("collections.x.auth.username", "required"),
            new ConfigProblem("collections.x.auth.password", "required"));
  }

  @Test
  @DisplayName("reports a blank username")
  void blankUsername() {
    assertThat(invalid("username", " ", "password", "p").problems())
        .containsExactly(new ConfigProblem("collections.x.auth.username", "required"));
  }

  @Test
  @DisplayName("refuses a username with a colon, without quoting it")
  void colon() {
    InvalidConfigException error = invalid("username", "user_secret_1:pw", "password", "p");

    assertThat(error.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("collections.x.auth.username");
              assertThat(problem.message()).contains("':'").contains("RFC 7617");
            });
    assertThat(error).hasMessageNotContaining("user_secret_1");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"user_secret_1\n", "user\tsecret_1", "user\u0000secret_1", "user\u0085"})
  @DisplayName("refuses a username with a control character, without quoting it")
  void controlInUsername(String username) {
    InvalidConfigException error = invalid("username", username, "password", "p");

    assertThat(error.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("collections.x.auth.username");
              assertThat(problem.message()).contains("control character");
            });
    assertThat(error).hasMessageNotContaining("secret_1");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"pw_secret_1\n", "pw\rsecret_1", "pw\u007fsecret_1"})
  @DisplayName("refuses a password with a control character, without quoting it")
  void controlInPassword(String password) {
    InvalidConfigException error = invalid("username", "u", "password", password);

    assertThat(error.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("collections.x.auth.password");
              assertThat(problem.message()).contains("control character");
            });
    assertThat(error).hasMessageNotContaining("secret_1");
  }

  @Test
  @DisplayName("reports every problem at once")
  void everyProblem() {
    assertThat(invalid("username", "a:b\n", "password", "\n").problems())
        .extracting(ConfigProblem::path)
        .containsExactly(
            "collections.x.auth.username",
            "collections.x.auth.username",
            "collections.x.auth.password");
  }

  @Test
  @DisplayName("shows neither the username nor the password in toString")
  void toStringHidesCredentials() {
    AuthMethod method = create("username", "user_secret_1", "password", "pw_secret_1");

    assertThat(method).hasToString("basic");
  }

  @Test
  @DisplayName("its settings view shows neither the username nor the password")
  void settingsToString() {
    BasicSettings settings =
        BasicSettings.from(
            TestSettings.of("username", "user_secret_1", "password", "pw_secret_1"),
            new ConfigProblems());

    assertThat(settings.toString()).doesNotContain("secret_1");
  }
}

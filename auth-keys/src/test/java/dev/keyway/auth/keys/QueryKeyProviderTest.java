package dev.keyway.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.FormField;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.testkit.TestAuthContext;
import dev.keyway.testkit.TestSettings;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("query-key")
class QueryKeyProviderTest {

  private final AuthProvider provider = new QueryKeyProvider();

  private static OutboundRequest request() {
    return OutboundRequest.create(
        "GET", URI.create("http://127.0.0.1:8080"), "/v2/cities/Oslo/now");
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
  @DisplayName("describes itself as query-key for the current SPI version")
  void identity() {
    assertThat(provider.type()).isEqualTo("query-key");
    assertThat(provider.apiVersion()).isEqualTo(AuthProvider.API_VERSION);
    assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    assertThat(provider.settings())
        .extracting(SettingSpec::name, SettingSpec::required, SettingSpec::secret)
        .containsExactly(tuple("keyName", true, false), tuple("key", true, true));
    assertThat(provider.settings()).allMatch(SettingSpec::perEnvironment);
  }

  @Test
  @DisplayName("appends the key as a query parameter")
  void appends() {
    OutboundRequest signed = applied(create("keyName", "appid", "key", "k-123"), request());

    assertThat(signed.uri())
        .isEqualTo(URI.create("http://127.0.0.1:8080/v2/cities/Oslo/now?appid=k-123"));
  }

  @Test
  @DisplayName("appends the key after the call's own parameters")
  void afterTheCallsParameters() {
    OutboundRequest request = request().withQueryParameter("units", "metric");

    OutboundRequest signed = applied(create("keyName", "appid", "key", "k-123"), request);

    assertThat(signed.query())
        .containsExactly(new FormField("units", "metric"), new FormField("appid", "k-123"));
    assertThat(signed.rawQuery()).isEqualTo("units=metric&appid=k-123");
  }

  @Test
  @DisplayName("percent-encodes the name and the key as UTF-8")
  void encodes() {
    OutboundRequest signed = applied(create("keyName", "api key", "key", "k y/é&=+~*"), request());

    assertThat(signed.uri().getRawQuery()).isEqualTo("api%20key=k%20y%2F%C3%A9%26%3D%2B~%2A");
  }

  @Test
  @DisplayName("keeps the key out of the request's toString")
  void requestToString() {
    OutboundRequest signed = applied(create("keyName", "appid", "key", "sk_secret_1"), request());

    assertThat(signed.toString()).contains("appid").doesNotContain("sk_secret_1");
  }

  @Test
  @DisplayName("reports a missing keyName and a missing key at their config paths")
  void missing() {
    assertThat(invalid().problems())
        .containsExactly(
            new ConfigProblem("collections.x.auth.keyName", "required"),
            new ConfigProblem("collections.x.auth.key", "required"));
  }

  @Test
  @DisplayName("reports a blank keyName and an empty key")
  void blank() {
    assertThat(invalid("keyName", "  ", "key", "").problems())
        .containsExactly(
            new ConfigProblem("collections.x.auth.keyName", "required"),
            new ConfigProblem("collections.x.auth.key", "must not be empty"));
  }

  @Test
  @DisplayName("reports a key with a control character without quoting it")
  void controlCharacter() {
    InvalidConfigException error = invalid("keyName", "appid", "key", "sk_secret_1\n");

    assertThat(error.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("collections.x.auth.key");
              assertThat(problem.message()).contains("control character");
            });
    assertThat(error).hasMessageNotContaining("sk_secret_1");
  }

  @Test
  @DisplayName("reports a keyName with a control character")
  void controlCharacterInName() {
    assertThat(invalid("keyName", "app\rid", "key", "k").problems())
        .containsExactly(
            new ConfigProblem(
                "collections.x.auth.keyName",
                "contains a line break or another control character"));
  }

  @Test
  @DisplayName("shows the type and parameter name in toString, never the key")
  void toStringHidesTheKey() {
    assertThat(create("keyName", "appid", "key", "sk_secret_1")).hasToString("query-key[appid]");
  }
}

package dev.keyway.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.keyway.api.ConfigProblem;
import dev.keyway.api.InvalidConfigException;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.Body;
import dev.keyway.spi.FormField;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.SettingSpec;
import dev.keyway.testkit.TestAuthContext;
import dev.keyway.testkit.TestSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("body-key")
class BodyKeyProviderTest {

  private static final String SECRET = "sk_secret_1";

  private final AuthProvider provider = new BodyKeyProvider();

  private static OutboundRequest request(String method, Body body) {
    return OutboundRequest.create(method, URI.create("http://127.0.0.1:8080"), "/v1/send")
        .withBody(body);
  }

  private AuthMethod create(String... settings) {
    return provider.create(TestSettings.of((Object[]) settings), TestAuthContext.create());
  }

  private AuthMethod apiKey(String key) {
    return create("keyName", "api_key", "key", key);
  }

  private static OutboundRequest applied(AuthMethod method, OutboundRequest request) {
    CompletableFuture<OutboundRequest> future = method.apply(request).toCompletableFuture();
    assertThat(future).isCompleted();
    return future.join();
  }

  private static Throwable failure(AuthMethod method, OutboundRequest request) {
    CompletableFuture<OutboundRequest> future = method.apply(request).toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    Throwable thrown = catchThrowable(future::join);
    assertThat(thrown).isInstanceOf(CompletionException.class);
    return thrown.getCause();
  }

  @Test
  @DisplayName("describes itself as body-key for the current SPI version")
  void identity() {
    assertThat(provider.type()).isEqualTo("body-key");
    assertThat(provider.apiVersion()).isEqualTo(AuthProvider.API_VERSION);
    assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    assertThat(provider.settings())
        .extracting(SettingSpec::name, SettingSpec::required, SettingSpec::secret)
        .containsExactly(tuple("keyName", true, false), tuple("key", true, true));
    assertThat(provider.settings()).allMatch(SettingSpec::perEnvironment);
  }

  @Test
  @DisplayName("adds the key as the first member of a JSON object body")
  void jsonObject() {
    OutboundRequest signed = applied(apiKey("k"), request("POST", Body.json("{\"a\":1}")));

    assertThat(signed.body().text()).isEqualTo("{\"api_key\":\"k\",\"a\":1}");
    assertThat(signed.body().contentType()).isEqualTo("application/json");
  }

  @Test
  @DisplayName("adds the key to an empty JSON object body")
  void emptyJsonObject() {
    OutboundRequest signed = applied(apiKey("k"), request("PUT", Body.json(" { } ")));

    assertThat(signed.body().text()).isEqualTo("{\"api_key\":\"k\"}");
  }

  @Test
  @DisplayName("escapes the name and the key as JSON strings")
  void jsonEscaping() {
    OutboundRequest signed =
        applied(
            create("keyName", "a\"b", "key", "k\"\\é</"), request("POST", Body.json("{\"a\":1}")));

    assertThat(signed.body().text()).isEqualTo("{\"a\\\"b\":\"k\\\"\\\\é\\u003c/\",\"a\":1}");
    assertThat(signed.body().bytes())
        .isEqualTo("{\"a\\\"b\":\"k\\\"\\\\é\\u003c/\",\"a\":1}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("appends the key as the last field of a form body")
  void form() {
    Body body = Body.form(List.of(new FormField("to", "a@example.com")));

    OutboundRequest signed = applied(apiKey("k y/é"), request("POST", body));

    assertThat(signed.body().text()).isEqualTo("to=a%40example.com&api_key=k+y%2F%C3%A9");
    assertThat(signed.body().formFields())
        .containsExactly(new FormField("to", "a@example.com"), new FormField("api_key", "k y/é"));
    assertThat(signed.body().contentType()).isEqualTo("application/x-www-form-urlencoded");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"POST", "PUT", "PATCH"})
  @DisplayName("sends a JSON object of only the key when a POST, PUT or PATCH has no body")
  void noBodyButOneIsExpected(String method) {
    OutboundRequest signed = applied(apiKey("k\"1"), request(method, Body.none()));

    assertThat(signed.body().kind()).isEqualTo(Body.Kind.JSON);
    assertThat(signed.body().text()).isEqualTo("{\"api_key\":\"k\\\"1\"}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "DELETE", "HEAD", "OPTIONS"})
  @DisplayName("fails a request without a body that does not usually carry one, naming the block")
  void noBody(String method) {
    Throwable error = failure(apiKey(SECRET), request(method, Body.none()));

    assertThat(error)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "collections.x.auth: body-key cannot add field 'api_key' to this request: this "
                + method
                + " request has no body; give the call a JSON object or form body, or use"
                + " header-key or query-key")
        .hasNoCause();
  }

  @Test
  @DisplayName("fails a request with a raw body, naming the block and never the key")
  void rawBody() {
    Body raw = Body.raw("<a/>".getBytes(StandardCharsets.UTF_8), "application/xml");

    Throwable error = failure(apiKey(SECRET), request("POST", raw));

    assertThat(error)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("collections.x.auth: body-key cannot add field 'api_key'")
        .hasMessageContaining("raw body")
        .hasMessageNotContaining(SECRET);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[1,2]", "\"text\"", "42"})
  @DisplayName("fails a request whose JSON body is not an object")
  void jsonNotAnObject(String json) {
    Throwable error = failure(apiKey(SECRET), request("POST", Body.json(json)));

    assertThat(error)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("collections.x.auth: body-key cannot add field 'api_key'")
        .hasMessageContaining("JSON body is not an object")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  @DisplayName("reports a missing keyName and a missing key at their config paths")
  void missing() {
    InvalidConfigException error =
        catchThrowableOfType(InvalidConfigException.class, () -> create());

    assertThat(error.problems())
        .containsExactly(
            new ConfigProblem("collections.x.auth.keyName", "required"),
            new ConfigProblem("collections.x.auth.key", "required"));
  }

  @Test
  @DisplayName("reports an empty key and a key with a control character without quoting it")
  void badKeys() {
    InvalidConfigException empty =
        catchThrowableOfType(
            InvalidConfigException.class, () -> create("keyName", "api_key", "key", ""));
    InvalidConfigException newline =
        catchThrowableOfType(
            InvalidConfigException.class, () -> create("keyName", "api_key", "key", SECRET + "\n"));

    assertThat(empty.problems())
        .containsExactly(new ConfigProblem("collections.x.auth.key", "must not be empty"));
    assertThat(newline.problems())
        .extracting(ConfigProblem::path)
        .containsExactly("collections.x.auth.key");
    assertThat(newline).hasMessageNotContaining(SECRET);
  }

  @Test
  @DisplayName("shows the type and field name in toString, never the key")
  void toStringHidesTheKey() {
    assertThat(apiKey(SECRET)).hasToString("body-key[api_key]");
  }
}

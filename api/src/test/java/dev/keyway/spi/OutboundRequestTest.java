package dev.keyway.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundRequestTest {

  private static final URI ORIGIN = URI.create("https://api.example.com:8443");

  @Test
  @DisplayName("query parameters are percent-encoded per RFC 3986 and appended in order")
  void queryEncoding() {
    OutboundRequest request =
        OutboundRequest.create("get", ORIGIN, "/v1/things")
            .withQueryParameter("q", "a b+c&d=é~*")
            .withQueryParameter("api_key", "k/1");
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri())
        .hasToString(
            "https://api.example.com:8443/v1/things?q=a%20b%2Bc%26d%3D%C3%A9~%2A&api_key=k%2F1");
  }

  @Test
  @DisplayName("every with-method returns a new request and leaves the original alone")
  void immutable() {
    OutboundRequest base = OutboundRequest.create("POST", ORIGIN, "/x");
    OutboundRequest changed =
        base.withHeader("X-Key", "k")
            .withQueryParameter("a", "1")
            .withBody(Body.json("{}"))
            .withUser("user-1");
    assertThat(base.headers().entries()).isEmpty();
    assertThat(base.query()).isEmpty();
    assertThat(base.body().kind()).isEqualTo(Body.Kind.NONE);
    assertThat(base.user()).isEmpty();
    assertThat(changed.user()).contains("user-1");
    assertThat(changed.origin()).isEqualTo(ORIGIN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com",
        "https://example.com/path",
        "https://example.com?q=1",
        "https://user:pw@example.com",
        "https://example.com#f",
        "mailto:a@example.com"
      })
  @DisplayName("an origin is scheme, host and port only")
  void refusesOriginsWithMore(String origin) {
    assertThatThrownBy(() -> OutboundRequest.create("GET", URI.create(origin), "/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the path must start with a slash, and the method must be a token")
  void refusesBadPathAndMethod() {
    assertThatThrownBy(() -> OutboundRequest.create("GET", ORIGIN, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutboundRequest.create("GET /x HTTP/1.1\r\n", ORIGIN, "/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("toString shows query names, never values, headers or the body")
  void toStringHidesValues() {
    OutboundRequest request =
        OutboundRequest.create("POST", ORIGIN, "/v1")
            .withQueryParameter("api_key", "canary")
            .withHeader("Authorization", "Bearer canary")
            .withBody(Body.json("{\"p\":\"canary\"}"));
    assertThat(request.toString())
        .isEqualTo("POST https://api.example.com:8443/v1?api_key")
        .doesNotContain("canary");
  }

  @Test
  @DisplayName("JSON strings escape quotes, backslashes, controls and HTML-significant characters")
  void jsonString() {
    assertThat(JsonString.quote("a\"b\\c\n\u0001<&>\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u003c\\u0026\\u003e\\u2028\"");
  }

  @Test
  @DisplayName("a request to a configured URL keeps its origin, path and query")
  void toUrl() {
    OutboundRequest request =
        OutboundRequest.to(
            "POST", URI.create("HTTPS://login.example:8443/t/token?api-version=2&x=a%2Bb#f"));

    assertThat(request.origin()).isEqualTo(URI.create("https://login.example:8443"));
    assertThat(request.rawPath()).isEqualTo("/t/token");
    assertThat(request.query())
        .containsExactly(new FormField("api-version", "2"), new FormField("x", "a+b"));
    assertThat(OutboundRequest.to("GET", URI.create("http://h.example")).rawPath()).isEqualTo("/");
  }

  @Test
  @DisplayName("a configured URL with a user name, or that is not http(s), is refused")
  void toBadUrl() {
    assertThatThrownBy(() -> OutboundRequest.to("GET", URI.create("https://u:p@h.example/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("u:p");
    assertThatThrownBy(() -> OutboundRequest.to("GET", URI.create("ftp://h.example/")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

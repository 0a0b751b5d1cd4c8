package dev.keyway.core.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.Headers;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenResponsesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static ExchangeResponse answer(int status, String contentType, String body) {
    return new ExchangeResponse(
        status,
        Headers.of(Map.of("Content-Type", contentType)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static Token read(ExchangeResponse response) {
    return TokenResponses.read(response, NOW, TokenResponses.Format.STANDARD, "bank");
  }

  @Test
  @DisplayName("reads every RFC 6749 5.1 field of a JSON answer")
  void json() {
    Token token =
        read(
            answer(
                200,
                "application/json;charset=UTF-8",
                "{\"access_token\":\"at\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                    + "\"refresh_token\":\"rt\",\"scope\":\"read  write\",\"extra\":{\"x\":1}}"));

    assertThat(token.accessToken().reveal()).isEqualTo("at");
    assertThat(token.type()).isEqualTo("bearer");
    assertThat(token.expiresAt()).contains(NOW.plusSeconds(3600));
    assertThat(token.refreshToken().orElseThrow().reveal()).isEqualTo("rt");
    assertThat(token.scopes()).containsExactlyInAnyOrder("read", "write");
    assertThat(token.issuedAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("reads expires_in given as a string, and no expiry when it is absent")
  void expiresIn() {
    assertThat(
            read(answer(200, "application/json", "{\"access_token\":\"a\",\"expires_in\":\"60\"}"))
                .expiresAt())
        .contains(NOW.plusSeconds(60));
    assertThat(read(answer(200, "application/json", "{\"access_token\":\"a\"}")).expiresAt())
        .isEmpty();
  }

  @Test
  @DisplayName("reads a form-encoded answer, as some servers send")
  void form() {
    Token token =
        read(
            answer(
                200,
                "application/x-www-form-urlencoded",
                "access_token=a%2Bb&expires_in=10&scope=x+y"));
    assertThat(token.accessToken().reveal()).isEqualTo("a+b");
    assertThat(token.scopes()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  @DisplayName("tokenName and tokenAsQuerystring read a provider's own format")
  void ownFormat() {
    Token token =
        TokenResponses.read(
            answer(200, "text/html", "token=abc&expires_in=5"),
            NOW,
            new TokenResponses.Format("token", true),
            "bank");
    assertThat(token.accessToken().reveal()).isEqualTo("abc");
    assertThat(token.expiresAt()).contains(NOW.plusSeconds(5));
  }

  @Test
  @DisplayName(
      "an answer without an access token, or with a bad expires_in, is a bad response that quotes nothing")
  void badAnswers() {
    assertThatThrownBy(() -> read(answer(200, "application/json", "{\"token\":\"secret-value\"}")))
        .isInstanceOf(TokenRequestException.class)
        .hasMessage("collection bank: the token endpoint's answer has no access_token")
        .satisfies(e -> assertThat(((TokenRequestException) e).error()).isEqualTo("bad_response"));
    assertThatThrownBy(
            () ->
                read(
                    answer(
                        200,
                        "application/json",
                        "{\"access_token\":\"secret-value\",\"expires_in\":\"soon\"}")))
        .hasMessageContaining("expires_in that is not a number")
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> read(answer(200, "text/html", "<html>secret-value</html>")))
        .hasMessageContaining("neither a JSON object nor a form")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  @DisplayName("an RFC 6749 5.2 error keeps its code and a short printable description")
  void errors() {
    TokenRequestException error =
        TokenResponses.error(
            answer(
                400,
                "application/json",
                "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}"),
            "bank");
    assertThat(error.isInvalidGrant()).isTrue();
    assertThat(error.status()).contains(400);
    assertThat(error)
        .hasMessage(
            "collection bank: the token endpoint refused the request: invalid_grant (400): expired");

    TokenRequestException long_ =
        TokenResponses.error(
            answer(
                400,
                "application/json",
                "{\"error\":\"invalid_request\",\"error_description\":\""
                    + "x".repeat(300)
                    + "\"}"),
            "bank");
    assertThat(long_).hasMessageEndingWith("invalid_request (400)");

    TokenRequestException html =
        TokenResponses.error(answer(502, "text/html", "<h1>Bad gateway</h1>"), "bank");
    assertThat(html.error()).isEqualTo("http_502");
    assertThat(html).hasMessage("collection bank: the token endpoint answered 502");

    TokenRequestException quoted =
        TokenResponses.error(
            answer(400, "application/json", "{\"error\":\"bad\\\"code\"}"), "bank");
    assertThat(quoted.error()).isEqualTo("http_400");
  }
}

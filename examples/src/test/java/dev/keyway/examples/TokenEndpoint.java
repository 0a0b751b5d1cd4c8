package dev.keyway.examples;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A minimal OAuth 2 token endpoint on loopback: {@code client_credentials} with the expected client
 * secret, and {@code refresh_token} with the refresh token it issued, get {@code {access_token,
 * refresh_token, expires_in: 3600}}; anything else gets 401 {@code invalid_client}.
 */
final class TokenEndpoint implements AutoCloseable {

  private final String clientSecret;
  private final String accessToken;
  private final String refreshToken;
  private final AtomicInteger grants = new AtomicInteger();
  private final DisposableServer server;

  TokenEndpoint(String clientSecret, String accessToken, String refreshToken) {
    this.clientSecret = clientSecret;
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    request
                        .receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(
                            body -> {
                              boolean ok = accepts(form(body));
                              if (ok) {
                                grants.incrementAndGet();
                              }
                              return response
                                  .status(
                                      ok ? HttpResponseStatus.OK : HttpResponseStatus.UNAUTHORIZED)
                                  .header("Content-Type", "application/json")
                                  .sendString(
                                      Mono.just(ok ? tokens() : "{\"error\":\"invalid_client\"}"))
                                  .then();
                            }))
            .bindNow();
  }

  private boolean accepts(Map<String, String> form) {
    return switch (form.getOrDefault("grant_type", "")) {
      case "client_credentials" -> clientSecret.equals(form.get("client_secret"));
      case "refresh_token" -> refreshToken.equals(form.get("refresh_token"));
      default -> false;
    };
  }

  private String tokens() {
    return "{\"access_token\":\""
        + accessToken
        + "\",\"refresh_token\":\""
        + refreshToken
        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.port() + "/token");
  }

  /** Returns how many grants it answered with tokens. */
  int grants() {
    return grants.get();
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}

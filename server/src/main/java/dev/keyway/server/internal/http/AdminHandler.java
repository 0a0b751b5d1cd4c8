package dev.keyway.server.internal.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Answers the admin port: {@code GET /health} (200 while the process runs), {@code GET /ready} (200
 * while calls are accepted, 503 once a shutdown began) and {@code GET /metrics} (Prometheus text
 * format). Anything else is 404.
 */
public final class AdminHandler
    implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier ready;

  public AdminHandler(PrometheusMeterRegistry registry, BooleanSupplier ready) {
    this.registry = registry;
    this.ready = ready;
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    if (!request.method().name().equals("GET")) {
      return text(response, 405, "application/json", "{\"error\":\"use GET\"}");
    }
    return switch (request.fullPath()) {
      case "/health" -> text(response, 200, "application/json", "{\"status\":\"UP\"}");
      case "/ready" ->
          ready.getAsBoolean()
              ? text(response, 200, "application/json", "{\"status\":\"READY\"}")
              : text(response, 503, "application/json", "{\"status\":\"STOPPING\"}");
      case "/metrics" -> text(response, 200, PROMETHEUS_TEXT, registry.scrape());
      default -> text(response, 404, "application/json", "{\"error\":\"not found\"}");
    };
  }

  private static Mono<Void> text(
      HttpServerResponse response, int status, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return response
        .status(HttpResponseStatus.valueOf(status))
        .header("Content-Type", contentType)
        .header("Cache-Control", "no-store")
        .header("Content-Length", Integer.toString(bytes.length))
        .sendByteArray(Mono.just(bytes))
        .then();
  }
}

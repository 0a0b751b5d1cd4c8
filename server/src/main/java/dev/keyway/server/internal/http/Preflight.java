package dev.keyway.server.internal.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Answers {@code OPTIONS} on a call's path: a CORS preflight gets 204 with the allowed method and
 * headers when its origin is configured, else a 403 problem; a plain {@code OPTIONS} gets 204 with
 * {@code Allow}. Preflights carry no credentials, so none is asked for.
 */
final class Preflight {

  private final CorsPolicy cors;
  private final CallCatalog catalog;

  Preflight(CorsPolicy cors, CallCatalog catalog) {
    this.cors = cors;
    this.catalog = catalog;
  }

  Mono<Void> handle(
      HttpServerRequest request,
      HttpServerResponse response,
      CallContext context,
      String collection,
      String call) {
    String origin = request.requestHeaders().get("Origin");
    String method = request.requestHeaders().get("Access-Control-Request-Method");
    if (origin == null || method == null) {
      context.status(204);
      context.writeBaseHeaders(response.responseHeaders());
      return response
          .status(HttpResponseStatus.NO_CONTENT)
          .header("Allow", "GET, POST, OPTIONS")
          .send();
    }
    String requested = request.requestHeaders().get("Access-Control-Request-Headers", "");
    Optional<String> refusal =
        cors.refusal(origin, method, requested, catalog.find(collection, call));
    if (refusal.isPresent()) {
      throw new ProblemException(Problems.preflightRefused(refusal.get()));
    }
    cors.allowPreflight(context, origin, requested);
    context.status(204);
    context.writeBaseHeaders(response.responseHeaders());
    return response.status(HttpResponseStatus.NO_CONTENT).send();
  }
}

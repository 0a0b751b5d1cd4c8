package dev.keyway.server.internal.http;

import dev.keyway.core.CallRequest;
import dev.keyway.server.internal.auth.Authentication;
import dev.keyway.server.internal.auth.Caller;
import dev.keyway.server.internal.auth.CallerAuthenticator;
import dev.keyway.server.internal.auth.PublicRateLimiter;
import dev.keyway.server.internal.metrics.GatewayMetrics;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Runs {@code POST|GET /v1/calls/{collection}/{call}} in order: the browser origin, then the caller
 * (a public call is rate-limited per client address instead), then the call's existence and the
 * caller's allowlist, then the body (capped) and the parameters, and only then the upstream. Every
 * refusal is a {@link ProblemException} raised before any outbound connection.
 *
 * <p>An unknown call is reported only to an authenticated caller, so call names cannot be probed.
 */
final class CallHandler {

  private final CallCatalog catalog;
  private final CallerAuthenticator authenticator;
  private final PublicRateLimiter rateLimiter;
  private final CorsPolicy cors;
  private final UpstreamForwarder forwarder;
  private final GatewayMetrics metrics;
  private final int requestLimit;

  CallHandler(
      CallCatalog catalog,
      CallerAuthenticator authenticator,
      PublicRateLimiter rateLimiter,
      CorsPolicy cors,
      UpstreamForwarder forwarder,
      GatewayMetrics metrics,
      int requestLimit) {
    this.catalog = catalog;
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.cors = cors;
    this.forwarder = forwarder;
    this.metrics = metrics;
    this.requestLimit = requestLimit;
  }

  Mono<Void> handle(
      HttpServerRequest request,
      HttpServerResponse response,
      CallContext context,
      String collection,
      String call) {
    Optional<CallEntry> entry = catalog.find(collection, call);
    entry.ifPresent(found -> context.target(found.collectionId(), found.callId()));
    String origin = request.requestHeaders().get("Origin");
    if (origin != null) {
      if (!cors.isConfigured(origin)) {
        throw refused("origin", Problems.originNotAllowed());
      }
      cors.allowActual(context, origin);
    }
    if (entry.isPresent() && entry.get().call().isPublic()) {
      Duration wait = rateLimiter.acquire(clientAddress(request));
      if (!wait.isZero()) {
        throw refused("rate-limited", Problems.rateLimited(wait));
      }
      return run(request, response, context, entry.get(), Optional.empty());
    }
    Authentication authentication =
        authenticator.authenticate(
            Optional.ofNullable(request.requestHeaders().get("Authorization")));
    if (authentication instanceof Authentication.Refused refusal) {
      throw refused(
          "unauthenticated", Problems.unauthenticated(refusal.detail(), refusal.invalidToken()));
    }
    Caller caller = ((Authentication.Accepted) authentication).caller();
    context.caller(caller.id());
    if (entry.isEmpty()) {
      throw new ProblemException(Problems.unknownCall(collection, call));
    }
    if (!caller.allows(collection, call)) {
      throw refused("forbidden", Problems.callNotAllowed(caller.id(), collection, call));
    }
    if (origin != null && !CorsPolicy.allows(caller.origins(), origin)) {
      throw refused("origin", Problems.originNotAllowedForCaller(caller.id()));
    }
    return run(request, response, context, entry.get(), caller.user());
  }

  private Mono<Void> run(
      HttpServerRequest request,
      HttpServerResponse response,
      CallContext context,
      CallEntry entry,
      Optional<String> user) {
    return RequestBody.read(request, requestLimit)
        .flatMap(
            body -> {
              Map<String, Object> params =
                  CallParameters.gather(body, request.requestHeaders(), request.uri(), entry);
              CallRequest call =
                  new CallRequest(entry.collectionId(), entry.callId(), params, user);
              return forwarder.forward(response, context, entry, call);
            });
  }

  private ProblemException refused(String reason, Problem problem) {
    metrics.rejection(reason);
    return new ProblemException(problem);
  }

  private static String clientAddress(HttpServerRequest request) {
    SocketAddress address = request.remoteAddress();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }
}

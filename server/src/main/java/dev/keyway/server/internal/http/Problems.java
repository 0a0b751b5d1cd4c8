package dev.keyway.server.internal.http;

import dev.keyway.api.ConfigProblem;
import dev.keyway.core.UpstreamException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The problems the gateway answers with, one factory per kind. */
final class Problems {

  private Problems() {}

  static Problem noEndpoint() {
    return new Problem(
        "no-endpoint",
        "No such endpoint",
        404,
        "calls are made with POST or GET /v1/calls/{collection}/{call}");
  }

  static Problem methodNotAllowed() {
    return new Problem(
            "method-not-allowed",
            "Method not allowed",
            405,
            "use POST (JSON parameters) or GET (query parameters)")
        .withHeader("Allow", "GET, POST, OPTIONS");
  }

  static Problem unknownCall(String collection, String call) {
    return new Problem(
        "unknown-call",
        "Unknown call",
        404,
        "no call " + call + " in collection " + collection + " is configured");
  }

  static Problem unauthenticated(String detail, boolean invalidToken) {
    return new Problem("unauthenticated", "Caller not authenticated", 401, detail)
        .withHeader(
            "WWW-Authenticate",
            invalidToken
                ? "Bearer realm=\"keyway\", error=\"invalid_token\""
                : "Bearer realm=\"keyway\"");
  }

  static Problem callNotAllowed(String callerId, String collection, String call) {
    return new Problem(
        "call-not-allowed",
        "Call not allowed",
        403,
        "caller " + callerId + " may not make " + collection + "." + call);
  }

  static Problem originNotAllowed() {
    return new Problem(
        "origin-not-allowed",
        "Origin not allowed",
        403,
        "no caller of this gateway may be used from this Origin; add it to a caller's origins");
  }

  static Problem originNotAllowedForCaller(String callerId) {
    return new Problem(
        "origin-not-allowed",
        "Origin not allowed",
        403,
        "caller " + callerId + " may not be used from this Origin; add it to its origins");
  }

  static Problem preflightRefused(String detail) {
    return new Problem("preflight-refused", "CORS preflight refused", 403, detail);
  }

  static Problem rateLimited(Duration retryAfter) {
    return new Problem(
            "rate-limited",
            "Too many requests",
            429,
            "too many public calls from this address; retry after " + retryAfter.toSeconds() + " s")
        .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
  }

  static Problem badParameters(List<ConfigProblem> problems) {
    return new Problem(
        "bad-parameters",
        "Bad parameters",
        400,
        problems.size() == 1
            ? "1 parameter is not acceptable; nothing was sent"
            : problems.size() + " parameters are not acceptable; nothing was sent",
        problems,
        Map.of());
  }

  static Problem badBody(String detail) {
    return new Problem("bad-body", "Bad request body", 400, detail);
  }

  static Problem unsupportedMediaType() {
    return new Problem(
        "unsupported-media-type",
        "Unsupported media type",
        415,
        "send parameters as a JSON object with Content-Type: application/json");
  }

  static Problem requestTooLarge(long limit) {
    return new Problem(
        "request-too-large",
        "Request body too large",
        413,
        "the request body is larger than " + limit + " bytes");
  }

  static Problem requestTimeout() {
    return new Problem(
        "request-timeout",
        "Request timeout",
        408,
        "the request stopped arriving for longer than the read timeout");
  }

  static Problem upstreamTooLarge(long limit) {
    return new Problem(
        "upstream-response-too-large",
        "Upstream response too large",
        502,
        "the upstream's response body is larger than " + limit + " bytes");
  }

  static Problem upstream(UpstreamException error) {
    // UpstreamException messages name the collection and call, never a URL or a header value.
    return switch (error.kind()) {
      case TIMEOUT -> new Problem("upstream-timeout", "Upstream timeout", 504, error.getMessage());
      case TOO_LARGE ->
          new Problem(
              "upstream-response-too-large",
              "Upstream response too large",
              502,
              error.getMessage());
      case AUTH_FAILED ->
          new Problem(
              "upstream-credentials-unavailable",
              "Upstream credentials unavailable",
              502,
              error.getMessage());
      case UNREACHABLE ->
          new Problem("upstream-unreachable", "Upstream unreachable", 502, error.getMessage());
    };
  }

  static Problem connectionRequired(String collection, String detail, URI connectUrl) {
    return new Problem("connection-required", "Connection required", 401, detail)
        .withHeader("WWW-Authenticate", "Bearer realm=\"keyway\"")
        .withMember("connect_url", connectUrl.toString())
        .withMember("collection", collection);
  }

  static Problem badConnectState(String detail) {
    return new Problem("bad-connect-state", "Connect flow refused", 400, detail);
  }

  static Problem returnToNotAllowed() {
    return new Problem(
        "return-to-not-allowed",
        "Return address not allowed",
        400,
        "return_to must be one of the caller's returnTo addresses (same scheme, host, port and a"
            + " path below one of them)");
  }

  static Problem noEndUser() {
    return new Problem(
        "no-end-user",
        "No end user",
        403,
        "connecting an account needs a session token that names the end user (sub)");
  }

  static Problem internal() {
    return new Problem(
        "internal-error",
        "Internal error",
        500,
        "the gateway failed; the correlation id finds the details in its log");
  }
}

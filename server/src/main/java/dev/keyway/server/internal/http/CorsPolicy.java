package dev.keyway.server.internal.http;

import dev.keyway.server.internal.settings.CallerSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin rules. An {@code Origin} must be one of some caller's {@code origins} to be answered
 * with {@code Access-Control-Allow-Origin} at all, and one of the authenticated caller's own for
 * its call to run. A preflight carries no credentials, so it is answered for any configured origin;
 * the actual request is checked against its caller. No cookies are used, so credentials mode is
 * never allowed.
 */
final class CorsPolicy {

  private static final String METHODS = "GET, POST";
  private static final Set<String> METHOD_NAMES = Set.of("GET", "POST");
  private static final Set<String> BASE_HEADERS =
      Set.of("authorization", "content-type", "x-correlation-id");
  private static final String EXPOSED =
      "X-Correlation-Id, Retry-After, ETag, Link, WWW-Authenticate, RateLimit, RateLimit-Policy,"
          + " RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-RateLimit-Limit,"
          + " X-RateLimit-Remaining, X-RateLimit-Reset";
  private static final String MAX_AGE_SECONDS = "600";

  private final Set<String> origins = new HashSet<>();

  CorsPolicy(List<CallerSettings> callers) {
    callers.forEach(caller -> origins.addAll(caller.origins()));
  }

  /** Returns whether some caller may be used from {@code origin}. */
  boolean isConfigured(String origin) {
    return origins.contains(normalize(origin));
  }

  /** Returns whether {@code allowed} (a caller's origins) holds {@code origin}. */
  static boolean allows(List<String> allowed, String origin) {
    return allowed.contains(normalize(origin));
  }

  /** Makes every answer to this request readable by scripts of {@code origin}. */
  void allowActual(CallContext context, String origin) {
    context.baseHeader("Access-Control-Allow-Origin", origin);
    context.baseHeader("Access-Control-Expose-Headers", EXPOSED);
  }

  /**
   * Returns why a preflight for {@code method} with {@code requestedHeaders} (the comma-separated
   * {@code Access-Control-Request-Headers}) must be refused, or empty to allow it.
   */
  Optional<String> refusal(
      String origin, String method, String requestedHeaders, Optional<CallEntry> entry) {
    if (!isConfigured(origin)) {
      return Optional.of("no caller of this gateway may be used from this Origin");
    }
    if (!METHOD_NAMES.contains(method.trim())) {
      return Optional.of("calls use GET or POST");
    }
    for (String header : requestedHeaders.split(",")) {
      String name = header.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()
          && !BASE_HEADERS.contains(name)
          && entry.map(found -> !found.headerParams().containsKey(name)).orElse(true)) {
        return Optional.of(
            "request header "
                + name
                + " is not accepted; only Authorization, Content-Type,"
                + " X-Correlation-Id and the call's header parameters are");
      }
    }
    return Optional.empty();
  }

  /** Adds the header fields of an accepted preflight to {@code context}'s answers. */
  void allowPreflight(CallContext context, String origin, String requestedHeaders) {
    context.baseHeader("Access-Control-Allow-Origin", origin);
    context.baseHeader("Access-Control-Allow-Methods", METHODS);
    if (!requestedHeaders.isBlank()) {
      context.baseHeader("Access-Control-Allow-Headers", requestedHeaders.trim());
    }
    context.baseHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
  }

  private static String normalize(String origin) {
    return origin.trim().toLowerCase(Locale.ROOT);
  }
}

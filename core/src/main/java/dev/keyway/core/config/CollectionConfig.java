package dev.keyway.core.config;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One third-party API: where it is ({@code baseUrl}: scheme, host, port and an optional path
 * prefix), how to authenticate, what every call shares, and its named calls.
 *
 * <p>Maps keep the order they were written in: shared parameters are bound in that order.
 */
public record CollectionConfig(
    String id,
    URI baseUrl,
    AuthConfig auth,
    Map<String, String> headers,
    Map<String, ParamConfig> params,
    Timeouts timeouts,
    Map<String, CallConfig> calls) {

  public CollectionConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(timeouts, "timeouts");
    headers = OrderedMaps.copyOf(headers);
    params = OrderedMaps.copyOf(params);
    calls = OrderedMaps.copyOf(calls);
  }

  /** Returns the config path of this collection, e.g. {@code collections.stripe}. */
  public String path() {
    return "collections." + id;
  }
}

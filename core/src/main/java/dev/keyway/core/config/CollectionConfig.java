package dev.keyway.core.config;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One third-party API: where it is ({@code baseUrl}: scheme, host, port and an optional path
 * prefix), how to authenticate, what every call shares, its named calls, and its TLS settings.
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
    Map<String, CallConfig> calls,
    TlsConfig tls,
    AuthPolicy authPolicy) {

  public CollectionConfig {
    Objects.requireNonNull(authPolicy, "authPolicy");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(tls, "tls");
    headers = OrderedMaps.copyOf(headers);
    params = OrderedMaps.copyOf(params);
    calls = OrderedMaps.copyOf(calls);
  }

  /** Creates a collection without TLS settings ({@link TlsConfig#NONE}). */
  public CollectionConfig(
      String id,
      URI baseUrl,
      AuthConfig auth,
      Map<String, String> headers,
      Map<String, ParamConfig> params,
      Timeouts timeouts,
      Map<String, CallConfig> calls) {
    this(id, baseUrl, auth, headers, params, timeouts, calls, TlsConfig.NONE, AuthPolicy.DEFAULT);
  }

  /** Creates a collection with the default {@link AuthPolicy}. */
  public CollectionConfig(
      String id,
      URI baseUrl,
      AuthConfig auth,
      Map<String, String> headers,
      Map<String, ParamConfig> params,
      Timeouts timeouts,
      Map<String, CallConfig> calls,
      TlsConfig tls) {
    this(id, baseUrl, auth, headers, params, timeouts, calls, tls, AuthPolicy.DEFAULT);
  }

  /** Returns the config path of this collection, e.g. {@code collections.stripe}. */
  public String path() {
    return "collections." + id;
  }
}

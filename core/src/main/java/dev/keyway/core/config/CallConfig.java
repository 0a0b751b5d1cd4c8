package dev.keyway.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * One named call of a collection: method, path template ({@code [name]} marks a path parameter),
 * fixed query and header values, a body, and the parameters a caller may or must pass.
 *
 * <p>Maps keep the order they were written in, so query parameters and form fields go out in it.
 * {@code check: true} marks a call without side effects that {@code keyway doctor} may run to see
 * the collection work; doctor runs no other call.
 */
public record CallConfig(
    String id,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    BodyConfig body,
    Map<String, ParamConfig> params,
    boolean isPublic,
    boolean check) {

  public CallConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    query = OrderedMaps.copyOf(query);
    headers = OrderedMaps.copyOf(headers);
    params = OrderedMaps.copyOf(params);
  }

  /** Creates a call that {@code keyway doctor} does not run. */
  public CallConfig(
      String id,
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      BodyConfig body,
      Map<String, ParamConfig> params,
      boolean isPublic) {
    this(id, method, path, query, headers, body, params, isPublic, false);
  }
}

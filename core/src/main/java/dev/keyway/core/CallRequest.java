package dev.keyway.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller's request to run one call: which collection and call, the public parameters (text,
 * numbers, booleans or {@code null}), and the end user on whose behalf it runs, if any.
 */
public record CallRequest(
    String collection, String call, Map<String, Object> params, Optional<String> user) {

  public CallRequest {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(user, "user");
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }

  /** Returns a request for {@code collection.call} with {@code params}, for no particular user. */
  public static CallRequest of(String collection, String call, Map<String, ?> params) {
    return new CallRequest(collection, call, Map.copyOf(params), Optional.empty());
  }

  /** Returns a copy made on behalf of end user {@code userId}. */
  public CallRequest forUser(String userId) {
    return new CallRequest(collection, call, params, Optional.of(userId));
  }

  @Override
  public String toString() {
    // Parameter values may be personal data: name them only.
    return "CallRequest[" + collection + "." + call + ", params=" + params.keySet() + "]";
  }
}

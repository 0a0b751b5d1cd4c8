package dev.keyway.testkit;

import java.util.List;

/** Accepts a request with exactly one query parameter {@code paramName} holding the key. */
final class QueryKeyRealm implements Realm {

  private final String paramName;
  private final String key;

  QueryKeyRealm(String paramName, String key) {
    this.paramName = paramName;
    this.key = key;
  }

  String paramName() {
    return paramName;
  }

  String key() {
    return key;
  }

  @Override
  public String name() {
    return "query-key";
  }

  @Override
  public boolean accepts(RecordedRequest request) {
    List<String> values = request.query().getOrDefault(paramName, List.of());
    return values.size() == 1 && Credentials.matches(key, values.get(0));
  }

  @Override
  public String challenge() {
    return "ApiKey realm=\"sandbox\", query=\"" + paramName + "\"";
  }
}

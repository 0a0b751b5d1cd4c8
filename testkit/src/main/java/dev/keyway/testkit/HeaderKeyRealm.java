package dev.keyway.testkit;

import java.util.List;

/**
 * Accepts a request with exactly one header field {@code headerName} holding the key; for {@code
 * Authorization}, {@code Bearer <key>} is accepted too.
 */
final class HeaderKeyRealm implements Realm {

  private final String headerName;
  private final String key;

  HeaderKeyRealm(String headerName, String key) {
    this.headerName = headerName;
    this.key = key;
  }

  String headerName() {
    return headerName;
  }

  String key() {
    return key;
  }

  @Override
  public String name() {
    return "header-key";
  }

  @Override
  public boolean accepts(RecordedRequest request) {
    List<String> values = request.headers().all(headerName);
    if (values.size() != 1) {
      return false;
    }
    String value = values.get(0);
    boolean plain = Credentials.matches(key, value);
    boolean bearer =
        headerName.equalsIgnoreCase("Authorization") && Credentials.matches("Bearer " + key, value);
    return plain | bearer;
  }

  @Override
  public String challenge() {
    return headerName.equalsIgnoreCase("Authorization")
        ? "Bearer realm=\"sandbox\""
        : "ApiKey realm=\"sandbox\", header=\"" + headerName + "\"";
  }
}

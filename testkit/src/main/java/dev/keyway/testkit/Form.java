package dev.keyway.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a token request's {@code application/x-www-form-urlencoded} body. A parameter
 * sent twice is refused (RFC 6749 §3.2) and one sent with an empty value counts as absent (§3.1).
 */
final class Form {

  private final Map<String, List<String>> parameters;

  private Form(Map<String, List<String>> parameters) {
    this.parameters = parameters;
  }

  /**
   * Returns the form of {@code request}.
   *
   * @throws OAuthRefusal if the body is not a form
   */
  static Form of(RecordedRequest request) {
    String contentType = request.header("Content-Type").orElse("");
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    if (!mediaType.strip().toLowerCase(Locale.ROOT).equals("application/x-www-form-urlencoded")) {
      throw OAuthRefusal.invalidRequest("the body must be application/x-www-form-urlencoded");
    }
    return new Form(QueryString.parse(request.bodyText()));
  }

  /** Returns the {@code grant_type} of {@code request}, or empty text, without any check. */
  static String grantTypeOf(RecordedRequest request) {
    List<String> values =
        QueryString.parse(request.bodyText()).getOrDefault("grant_type", List.of());
    return values.isEmpty() ? "" : values.get(0);
  }

  /**
   * Returns parameter {@code name}, empty if absent or empty.
   *
   * @throws OAuthRefusal if it was sent more than once
   */
  Optional<String> get(String name) {
    List<String> values = parameters.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw OAuthRefusal.invalidRequest("parameter " + name + " was sent more than once");
    }
    return values.isEmpty() || values.get(0).isEmpty()
        ? Optional.empty()
        : Optional.of(values.get(0));
  }

  /**
   * Returns parameter {@code name}.
   *
   * @throws OAuthRefusal if it is absent, empty or sent more than once
   */
  String require(String name) {
    return get(name)
        .orElseThrow(() -> OAuthRefusal.invalidRequest("parameter " + name + " is missing"));
  }
}

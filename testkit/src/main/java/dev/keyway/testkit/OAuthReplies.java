package dev.keyway.testkit;

import java.util.Map;

/** Builds the answers the sandbox's token endpoints share. */
final class OAuthReplies {

  /** The header fields that keep a token answer out of every cache (RFC 6749 §5.1). */
  static final Map<String, String> NO_STORE =
      Map.of("Cache-Control", "no-store", "Pragma", "no-cache");

  private OAuthReplies() {}

  /** Returns a 200 with {@code body} and {@link #NO_STORE}. */
  static Reply success(Object body) {
    return Reply.json(200, NO_STORE, body);
  }

  /**
   * Returns a 200 with {@code body} form-encoded ({@code access_token=...&token_type=...}), the
   * style of providers whose token answers clients read "as a querystring", and {@link #NO_STORE}.
   */
  static Reply formSuccess(Map<String, Object> body) {
    StringBuilder form = new StringBuilder();
    for (Map.Entry<String, Object> field : body.entrySet()) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(encode(field.getKey()))
          .append('=')
          .append(encode(String.valueOf(field.getValue())));
    }
    Map<String, String> headers = new java.util.HashMap<>(NO_STORE);
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    return new Reply(
        200, headers, form.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Returns the 405 for a token endpoint called with another method than POST. */
  static Reply postOnly() {
    return Reply.json(
        405,
        Map.of("Allow", "POST"),
        Map.of("error", "invalid_request", "error_description", "the endpoint takes POST"));
  }
}

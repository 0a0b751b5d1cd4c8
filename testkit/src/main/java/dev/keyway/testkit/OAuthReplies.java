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

  /** Returns the 405 for a token endpoint called with another method than POST. */
  static Reply postOnly() {
    return Reply.json(
        405,
        Map.of("Allow", "POST"),
        Map.of("error", "invalid_request", "error_description", "the endpoint takes POST"));
  }
}

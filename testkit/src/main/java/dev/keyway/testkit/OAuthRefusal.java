package dev.keyway.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OAuth2 error answer of the sandbox's authorization server (RFC 6749 §5.2), thrown where a
 * check fails and turned into a {@link Reply} by the route. Descriptions are fixed text: they never
 * quote a received value, so no credential reaches an error body.
 */
final class OAuthRefusal extends RuntimeException {

  private final int status;
  private final String error;

  private OAuthRefusal(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  /** Returns a 400 {@code invalid_request}: a parameter missing, repeated or malformed. */
  static OAuthRefusal invalidRequest(String description) {
    return new OAuthRefusal(400, "invalid_request", description);
  }

  /** Returns a 401 {@code invalid_client}, which carries a {@code Basic} challenge. */
  static OAuthRefusal invalidClient(String description) {
    return new OAuthRefusal(401, "invalid_client", description);
  }

  /** Returns a 400 {@code invalid_grant}: a bad password, refresh token or assertion. */
  static OAuthRefusal invalidGrant(String description) {
    return new OAuthRefusal(400, "invalid_grant", description);
  }

  /** Returns a 400 {@code unauthorized_client}: this client may not use this grant. */
  static OAuthRefusal unauthorizedClient(String description) {
    return new OAuthRefusal(400, "unauthorized_client", description);
  }

  /** Returns a 400 {@code unsupported_grant_type}. */
  static OAuthRefusal unsupportedGrantType() {
    return new OAuthRefusal(400, "unsupported_grant_type", "the server does not know this grant");
  }

  /** Returns a 400 {@code invalid_scope}: more scope than the grant holds. */
  static OAuthRefusal invalidScope(String description) {
    return new OAuthRefusal(400, "invalid_scope", description);
  }

  /** Returns the error code, e.g. {@code invalid_grant}. */
  String error() {
    return error;
  }

  /** Returns the JSON answer, never cached (RFC 6749 §5.1). */
  Reply reply() {
    Map<String, String> headers = new LinkedHashMap<>(OAuthReplies.NO_STORE);
    if (status == 401) {
      headers.put("WWW-Authenticate", "Basic realm=\"sandbox\"");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", getMessage());
    return Reply.json(status, headers, body);
  }
}

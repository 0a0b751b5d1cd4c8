package dev.keyway.core.internal.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.Secret;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the {@code exp} claim of an access token that is a JWT, for a token response that said
 * nothing of its expiry. The signature is not checked: the token is the authorization server's to
 * verify, and its {@code exp} only tells Keyway when to ask for a new one.
 */
final class JwtExpiry {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JwtExpiry() {}

  /** Returns the expiry in {@code accessToken}'s {@code exp} claim, if it is a JWT with one. */
  static Optional<Instant> of(Secret accessToken) {
    String text = accessToken.reveal();
    int first = text.indexOf('.');
    int second = first < 0 ? -1 : text.indexOf('.', first + 1);
    if (first <= 0 || second < 0 || text.indexOf('.', second + 1) >= 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(text.substring(first + 1, second));
      JsonNode exp = JSON.readTree(payload).path("exp");
      return exp.isNumber() && exp.asLong() > 0
          ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
          : Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty(); // not a JWT after all: an opaque token with two dots
    }
  }
}

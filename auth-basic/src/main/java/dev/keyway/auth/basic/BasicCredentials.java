package dev.keyway.auth.basic;

import dev.keyway.api.Secret;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sets {@code Authorization: Basic ...} on every request, replacing any such field. The header
 * value is encoded once, here, so {@link #apply} does no Base64 per request. Immutable and
 * thread-safe; {@link #toString()} shows neither the username nor the password.
 */
final class BasicCredentials implements AuthMethod {

  private static final String HEADER = "Authorization";

  // Revealed once here rather than per request: apply() is on the hot path. Never shown.
  private final String headerValue;

  BasicCredentials(String username, Secret password) {
    this.headerValue = encode(username, password);
  }

  /**
   * Returns {@code Basic base64(utf8(username ":" password))}. Both are normalized to NFC first, as
   * the PRECIS profiles RFC 7617 §2.1 names ask, so "ü" typed as one or two code points gives the
   * same credentials.
   */
  static String encode(String username, Secret password) {
    String pair = nfc(username) + ":" + nfc(password.reveal());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  @Override
  public CompletionStage<OutboundRequest> apply(OutboundRequest request) {
    return CompletableFuture.completedFuture(request.withHeader(HEADER, headerValue));
  }

  @Override
  public String toString() {
    return "basic";
  }
}

package dev.keyway.core.internal.oauth;

import dev.keyway.api.Secret;
import dev.keyway.spi.ClientAuthentication;
import dev.keyway.spi.OutboundRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The client authentications of RFC 6749 §2.3 that core offers itself: {@code client_secret_basic},
 * {@code client_secret_post}, and {@code none} (a public client that sends only its id). Immutable;
 * shows no secret.
 */
final class SecretClientAuthentication implements ClientAuthentication {

  static final String BASIC = "client_secret_basic";
  static final String POST = "client_secret_post";
  static final String NONE = "none";

  private final String method;
  private final Optional<String> clientId;
  private final Optional<Secret> clientSecret;
  private final String basicHeader;

  SecretClientAuthentication(String method, Optional<String> clientId, Optional<Secret> secret) {
    this.method = method;
    this.clientId = clientId;
    this.clientSecret = secret;
    this.basicHeader =
        method.equals(BASIC) ? basic(clientId.orElseThrow(), secret.orElseThrow()) : null;
  }

  /**
   * Returns the Basic credentials of RFC 6749 §2.3.1: the id and the secret are each form-encoded
   * (Appendix B) before they are joined with {@code :} and base64-encoded, so a {@code :} or a
   * non-ASCII character in either survives.
   */
  static String basic(String clientId, Secret clientSecret) {
    String pair = formEncode(clientId) + ":" + formEncode(clientSecret.reveal());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.US_ASCII));
  }

  private static String formEncode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Override
  public OutboundRequest authenticate(OutboundRequest request) {
    return switch (method) {
      case BASIC -> request.withHeader("Authorization", basicHeader);
      case POST ->
          request.withBody(
              request
                  .body()
                  .withField("client_id", clientId.orElseThrow())
                  .withField("client_secret", clientSecret.orElseThrow().reveal()));
      default ->
          clientId
              .map(id -> request.withBody(request.body().withField("client_id", id)))
              .orElse(request);
    };
  }

  @Override
  public String toString() {
    return "ClientAuthentication[" + method + "]";
  }
}

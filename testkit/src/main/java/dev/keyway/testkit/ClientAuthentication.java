package dev.keyway.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates the client of a token request by the one method it used: {@code
 * client_secret_basic} and {@code client_secret_post} (RFC 6749 §2.3.1), {@code none} for the
 * public client (§2.1), or {@code private_key_jwt} (RFC 7523 §2.2). Two methods at once are refused
 * with {@code invalid_request}; a failed one with {@code invalid_client}. Secrets are compared in
 * constant time.
 */
final class ClientAuthentication {

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final String BASIC = "basic ";

  private final OAuthAccounts accounts;
  private final TrustedKeys clientKeys;
  private final JwtAssertions assertions;

  ClientAuthentication(OAuthAccounts accounts, TrustedKeys clientKeys, JwtAssertions assertions) {
    this.accounts = accounts;
    this.clientKeys = clientKeys;
    this.assertions = assertions;
  }

  /**
   * Returns the client {@code request} authenticates, or empty if it names no client.
   *
   * @param tokenUrl the token endpoint URL the client used: a client assertion's audience
   * @throws OAuthRefusal if it uses two methods or its credentials fail
   */
  Optional<OAuthClient> authenticate(RecordedRequest request, Form form, String tokenUrl) {
    List<String> authorization = request.headers().all("Authorization");
    if (authorization.size() > 1) {
      throw OAuthRefusal.invalidRequest("the Authorization header was sent more than once");
    }
    Optional<String> header = authorization.stream().findFirst();
    Optional<String> id = form.get("client_id");
    Optional<String> secret = form.get("client_secret");
    Optional<String> assertion = form.get("client_assertion");
    Optional<String> assertionType = form.get("client_assertion_type");
    int methods =
        (header.isPresent() ? 1 : 0)
            + (secret.isPresent() ? 1 : 0)
            + (assertion.isPresent() || assertionType.isPresent() ? 1 : 0);
    if (methods > 1) {
      throw OAuthRefusal.invalidRequest("the client used more than one authentication method");
    }
    if (header.isPresent()) {
      return Optional.of(basic(header.get(), id));
    }
    if (secret.isPresent()) {
      String clientId =
          id.orElseThrow(() -> OAuthRefusal.invalidRequest("parameter client_id is missing"));
      return Optional.of(confidential(clientId, secret.get()));
    }
    if (assertion.isPresent() || assertionType.isPresent()) {
      return Optional.of(privateKeyJwt(assertion, assertionType, id, tokenUrl));
    }
    if (id.isPresent()) {
      if (!Credentials.matches(accounts.publicClientId(), id.get())) {
        throw OAuthRefusal.invalidClient("client authentication failed");
      }
      return Optional.of(new OAuthClient(id.get(), false));
    }
    return Optional.empty();
  }

  private OAuthClient basic(String header, Optional<String> formId) {
    if (!header.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
      throw OAuthRefusal.invalidClient("the token endpoint takes Basic client authentication");
    }
    String userPass = decodeBase64(header.substring(BASIC.length()).strip());
    int colon = userPass.indexOf(':');
    if (colon < 0) {
      throw OAuthRefusal.invalidClient("client authentication failed");
    }
    String id = formDecode(userPass.substring(0, colon));
    String secret = formDecode(userPass.substring(colon + 1));
    if (formId.isPresent() && !formId.get().equals(id)) {
      throw OAuthRefusal.invalidRequest("client_id differs from the authenticated client");
    }
    return confidential(id, secret);
  }

  private OAuthClient confidential(String id, String secret) {
    boolean idMatches = Credentials.matches(accounts.clientId(), id);
    boolean secretMatches = Credentials.matches(accounts.clientSecret(), secret);
    if (!(idMatches & secretMatches)) {
      throw OAuthRefusal.invalidClient("client authentication failed");
    }
    return new OAuthClient(id, true);
  }

  private OAuthClient privateKeyJwt(
      Optional<String> assertion,
      Optional<String> assertionType,
      Optional<String> formId,
      String tokenUrl) {
    if (assertionType.isEmpty() || !assertionType.get().equals(ASSERTION_TYPE)) {
      throw OAuthRefusal.invalidRequest("client_assertion_type must be " + ASSERTION_TYPE);
    }
    String jwt =
        assertion.orElseThrow(
            () -> OAuthRefusal.invalidRequest("parameter client_assertion is missing"));
    JWTClaimsSet claims =
        assertions
            .verify(jwt, clientKeys, tokenUrl, null)
            .orElseThrow(() -> OAuthRefusal.invalidClient("client authentication failed"));
    String issuer = claims.getIssuer();
    if (!issuer.equals(claims.getSubject())) {
      throw OAuthRefusal.invalidClient("client authentication failed");
    }
    if (formId.isPresent() && !formId.get().equals(issuer)) {
      throw OAuthRefusal.invalidRequest("client_id differs from the authenticated client");
    }
    return new OAuthClient(issuer, true);
  }

  /** Returns base64-decoded UTF-8 text, or refuses the client. */
  private static String decodeBase64(String token68) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Base64.getDecoder().decode(token68)))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw OAuthRefusal.invalidClient("client authentication failed");
    }
  }

  /** Decodes one half of the Basic credentials as §2.3.1 encodes it: form-url-encoded UTF-8. */
  private static String formDecode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw OAuthRefusal.invalidClient("client authentication failed");
    }
  }
}

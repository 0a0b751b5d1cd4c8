package dev.keyway.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization codes the sandbox's authorize endpoint issued (RFC 6749 §4.1.2): each bound to
 * its client, redirect URI, user, scope and PKCE challenge (RFC 7636), valid for {@link #LIFETIME}
 * and for one use. A code presented again is refused, and the tokens issued from it are revoked
 * (§4.1.2: "the authorization server ... SHOULD revoke all tokens previously issued based on that
 * authorization code").
 *
 * <p>Thread-safe.
 */
final class AuthorizationCodes {

  static final Duration LIFETIME = Duration.ofSeconds(60);

  /** What a code was issued for. */
  record Issued(
      String clientId,
      String redirectUri,
      String user,
      String scope,
      Optional<String> challenge,
      String challengeMethod,
      Instant expiresAt) {}

  /** What a redeemed code grants: the user's grant and the token family to issue in. */
  record Redeemed(Grant grant, String family) {}

  private record Entry(Issued issued, String family) {}

  private final Map<String, Entry> codes = new HashMap<>();
  private final TokenStore store;

  AuthorizationCodes(TokenStore store) {
    this.store = store;
  }

  /** Returns a new code for {@code issued}. */
  synchronized String issue(Issued issued) {
    String code = Credentials.random();
    codes.put(code, new Entry(issued, null));
    return code;
  }

  /**
   * Redeems {@code code} for client {@code clientId} at {@code redirectUri} with {@code verifier},
   * or throws {@code invalid_grant}.
   */
  synchronized Redeemed redeem(
      String code, String clientId, String redirectUri, Optional<String> verifier, Instant now) {
    Entry entry = codes.get(code);
    if (entry == null) {
      throw OAuthRefusal.invalidGrant("the code is not known");
    }
    if (entry.family() != null) {
      store.revokeFamily(entry.family());
      throw OAuthRefusal.invalidGrant("the code was used already");
    }
    Issued issued = entry.issued();
    if (!now.isBefore(issued.expiresAt())) {
      throw OAuthRefusal.invalidGrant("the code has expired");
    }
    if (!issued.clientId().equals(clientId)) {
      throw OAuthRefusal.invalidGrant("the code was issued to another client");
    }
    if (!issued.redirectUri().equals(redirectUri)) {
      throw OAuthRefusal.invalidGrant("redirect_uri differs from the one the code was issued for");
    }
    checkPkce(issued, verifier);
    String family = TokenIssuer.newFamily();
    codes.put(code, new Entry(issued, family));
    return new Redeemed(new Grant(issued.user(), clientId, issued.scope()), family);
  }

  private static void checkPkce(Issued issued, Optional<String> verifier) {
    if (issued.challenge().isEmpty()) {
      if (verifier.isPresent()) {
        throw OAuthRefusal.invalidGrant("the code was issued without a code_challenge");
      }
      return;
    }
    if (verifier.isEmpty()) {
      throw OAuthRefusal.invalidGrant("code_verifier is required for this code");
    }
    String expected =
        issued.challengeMethod().equals("S256") ? s256(verifier.get()) : verifier.get();
    if (!Credentials.matches(issued.challenge().get(), expected)) {
      throw OAuthRefusal.invalidGrant("code_verifier does not match the code_challenge");
    }
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

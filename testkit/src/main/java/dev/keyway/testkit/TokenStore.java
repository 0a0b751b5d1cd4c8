package dev.keyway.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the access and refresh tokens the sandbox's authorization server issued, each in a family:
 * every token descended from one original grant. Presenting a retired refresh token again is reuse
 * (RFC 6749 §10.4, OAuth 2.0 Security BCP §4.14): it revokes the whole family.
 *
 * <p>Tokens are looked up by their SHA-256, so a lookup's timing tells nothing about how much of a
 * guessed token was right. Thread-safe: every method holds the store's lock briefly and never
 * blocks, so a rotation and a reuse racing each other see one order.
 */
final class TokenStore {

  private final Map<String, AccessToken> access = new HashMap<>();
  private final Map<String, RefreshToken> refresh = new HashMap<>();
  private final Set<String> revokedFamilies = new HashSet<>();
  private final List<String> issued = new ArrayList<>();
  private final List<String> issuedRefresh = new ArrayList<>();

  /** What {@link #redeem} found. */
  enum Outcome {
    REDEEMED,
    INVALID,
    REUSED
  }

  /** The result of presenting a refresh token: the outcome, and the grant when redeemed. */
  record Redemption(Outcome outcome, Grant grant, String family) {}

  private record AccessToken(Grant grant, String family, Instant expiresAt, boolean revoked) {}

  private record RefreshToken(Grant grant, String family, Instant expiresAt, boolean retired) {}

  synchronized void addAccess(String token, Grant grant, String family, Instant expiresAt) {
    access.put(digest(token), new AccessToken(grant, family, expiresAt, false));
    issued.add(token);
  }

  synchronized void addRefresh(String token, Grant grant, String family, Instant expiresAt) {
    refresh.put(digest(token), new RefreshToken(grant, family, expiresAt, false));
    issuedRefresh.add(token);
  }

  /** Returns the grant of {@code token} if it was issued here, is not revoked and not expired. */
  synchronized Optional<Grant> validAccess(String token, Instant now) {
    AccessToken found = access.get(digest(token));
    if (found == null
        || found.revoked()
        || revokedFamilies.contains(found.family())
        || !now.isBefore(found.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(found.grant());
  }

  /** Returns the grant of refresh token {@code token}, if it was issued here, without using it. */
  synchronized Optional<Grant> refreshGrant(String token) {
    return Optional.ofNullable(refresh.get(digest(token))).map(RefreshToken::grant);
  }

  /**
   * Presents refresh token {@code token} for {@code clientId}. A valid one is redeemed, and retired
   * if {@code rotate}; a retired one is reuse, which revokes its family.
   */
  synchronized Redemption redeem(String token, String clientId, Instant now, boolean rotate) {
    String key = digest(token);
    RefreshToken found = refresh.get(key);
    if (found == null
        || revokedFamilies.contains(found.family())
        || !found.grant().clientId().equals(clientId)) {
      return new Redemption(Outcome.INVALID, null, null);
    }
    if (found.retired()) {
      revokedFamilies.add(found.family());
      return new Redemption(Outcome.REUSED, null, null);
    }
    if (!now.isBefore(found.expiresAt())) {
      return new Redemption(Outcome.INVALID, null, null);
    }
    if (rotate) {
      refresh.put(key, new RefreshToken(found.grant(), found.family(), found.expiresAt(), true));
    }
    return new Redemption(Outcome.REDEEMED, found.grant(), found.family());
  }

  /**
   * Revokes {@code token}: an access token alone, or a refresh token with its whole family (RFC
   * 7009 §2.1). Returns whether the token was known.
   */
  synchronized boolean revoke(String token) {
    String key = digest(token);
    AccessToken found = access.get(key);
    if (found != null) {
      access.put(key, new AccessToken(found.grant(), found.family(), found.expiresAt(), true));
      return true;
    }
    RefreshToken refreshToken = refresh.get(key);
    if (refreshToken != null) {
      revokedFamilies.add(refreshToken.family());
      return true;
    }
    return false;
  }

  /** Revokes every token of {@code family}. */
  synchronized void revokeFamily(String family) {
    revokedFamilies.add(family);
  }

  /** Revokes every token issued so far. */
  synchronized void revokeAll() {
    access.values().forEach(token -> revokedFamilies.add(token.family()));
    refresh.values().forEach(token -> revokedFamilies.add(token.family()));
  }

  /** Returns the access tokens issued since the last {@link #forgetIssued}, in issue order. */
  synchronized List<String> issued() {
    return List.copyOf(issued);
  }

  /** Returns the refresh tokens issued since the last {@link #forgetIssued}, in issue order. */
  synchronized List<String> issuedRefresh() {
    return List.copyOf(issuedRefresh);
  }

  synchronized void forgetIssued() {
    issued.clear();
    issuedRefresh.clear();
  }

  private static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

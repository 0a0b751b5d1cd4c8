package dev.keyway.server.internal.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.keyway.server.internal.settings.SessionSettings;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Checks the claims of a session token whose signature is already verified: {@code exp} present and
 * not passed, {@code nbf} and {@code iat} not in the future, a lifetime no longer than {@code
 * maxLifetime}, the configured audience, a {@code sub}, and a well-formed {@code calls} claim if
 * there is one. Time comes from the injected clock, give or take the configured skew. Messages name
 * claims, never their values.
 */
final class SessionClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

  /** The claim that narrows a session to some calls: a list of allowlist patterns. */
  static final String CALLS_CLAIM = "calls";

  private static final int LONGEST_USER_ID = 256;

  private final SessionSettings settings;
  private final Clock clock;

  SessionClaimsVerifier(SessionSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    Instant now = clock.instant();
    Duration skew = settings.clockSkew();
    Instant expires = instant(claims.getExpirationTime(), "exp");
    if (expires == null) {
      throw new BadJWTException("the session token has no exp claim");
    }
    if (now.isAfter(expires.plus(skew))) {
      throw new BadJWTException("the session token has expired");
    }
    Instant notBefore = instant(claims.getNotBeforeTime(), "nbf");
    if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
      throw new BadJWTException("the session token is not valid yet (nbf)");
    }
    Instant issued = instant(claims.getIssueTime(), "iat");
    if (issued != null && now.plus(skew).isBefore(issued)) {
      throw new BadJWTException("the session token was issued in the future (iat)");
    }
    Instant start = issued != null && issued.isBefore(now) ? issued : now;
    if (Duration.between(start, expires).compareTo(settings.maxLifetime().plus(skew)) > 0) {
      throw new BadJWTException(
          "the session token lives longer than the caller's maxLifetime of "
              + settings.maxLifetime().toSeconds()
              + " s; mint tokens that expire sooner");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(settings.audience())) {
      throw new BadJWTException(
          "the session token's aud claim does not name this gateway (" + settings.audience() + ")");
    }
    String subject = claims.getSubject();
    if (subject == null
        || subject.isBlank()
        || subject.length() > LONGEST_USER_ID
        || subject.chars().anyMatch(Character::isISOControl)) {
      throw new BadJWTException(
          "the session token needs a sub claim naming the end user (1 to 256 characters)");
    }
    calls(claims);
  }

  private static Instant instant(Date date, String claim) {
    return date == null ? null : date.toInstant();
  }

  /** Returns the patterns of the {@code calls} claim, or {@code null} when there is none. */
  static List<CallPattern> calls(JWTClaimsSet claims) throws BadJWTException {
    if (claims.getClaim(CALLS_CLAIM) == null) {
      return null;
    }
    List<String> entries;
    try {
      entries = claims.getStringListClaim(CALLS_CLAIM);
    } catch (ParseException e) {
      throw new BadJWTException("the session token's calls claim must be a list of strings");
    }
    List<CallPattern> patterns = new java.util.ArrayList<>();
    for (String entry : entries) {
      patterns.add(
          CallPattern.parse(entry)
              .orElseThrow(
                  () ->
                      new BadJWTException(
                          "the session token's calls claim holds an entry that is not *,"
                              + " collection.* or collection.call")));
    }
    return patterns;
  }
}

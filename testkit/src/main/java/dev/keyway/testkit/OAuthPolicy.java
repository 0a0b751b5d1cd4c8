package dev.keyway.testkit;

import java.time.Duration;

/**
 * The knobs of the sandbox's authorization server that tests turn at any time; each read sees the
 * latest write, and affects the requests that arrive after it.
 */
final class OAuthPolicy {

  private volatile Duration tokenLifetime = Duration.ofHours(1);
  private volatile Duration refreshTokenLifetime = Duration.ofDays(30);
  private volatile boolean omitExpiresIn;
  private volatile boolean jwtAccessTokens;
  private volatile boolean refreshTokensForClientCredentials;
  private volatile boolean rotateRefreshTokens = true;
  private volatile boolean alwaysUnauthorized;

  Duration tokenLifetime() {
    return tokenLifetime;
  }

  void tokenLifetime(Duration lifetime) {
    tokenLifetime = lifetime;
  }

  Duration refreshTokenLifetime() {
    return refreshTokenLifetime;
  }

  void refreshTokenLifetime(Duration lifetime) {
    refreshTokenLifetime = lifetime;
  }

  boolean omitExpiresIn() {
    return omitExpiresIn;
  }

  void omitExpiresIn(boolean omit) {
    omitExpiresIn = omit;
  }

  boolean jwtAccessTokens() {
    return jwtAccessTokens;
  }

  void jwtAccessTokens(boolean jwt) {
    jwtAccessTokens = jwt;
  }

  boolean refreshTokensForClientCredentials() {
    return refreshTokensForClientCredentials;
  }

  void refreshTokensForClientCredentials(boolean issue) {
    refreshTokensForClientCredentials = issue;
  }

  boolean rotateRefreshTokens() {
    return rotateRefreshTokens;
  }

  void rotateRefreshTokens(boolean rotate) {
    rotateRefreshTokens = rotate;
  }

  boolean alwaysUnauthorized() {
    return alwaysUnauthorized;
  }

  void alwaysUnauthorized(boolean refuse) {
    alwaysUnauthorized = refuse;
  }
}

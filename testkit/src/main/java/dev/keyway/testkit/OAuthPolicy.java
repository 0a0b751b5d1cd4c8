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
  private volatile boolean denyAuthorization;
  private volatile boolean sendIssuer;
  private volatile boolean formEncodedTokenResponses;

  boolean denyAuthorization() {
    return denyAuthorization;
  }

  void denyAuthorization(boolean deny) {
    denyAuthorization = deny;
  }

  boolean sendIssuer() {
    return sendIssuer;
  }

  void sendIssuer(boolean send) {
    sendIssuer = send;
  }

  boolean formEncodedTokenResponses() {
    return formEncodedTokenResponses;
  }

  void formEncodedTokenResponses(boolean form) {
    formEncodedTokenResponses = form;
  }

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

package dev.keyway.testkit;

/**
 * The credentials the sandbox's authorization server accepts: one confidential client, one public
 * client, one resource owner for the {@code password} grant, and the user and key of the custom
 * login endpoint. {@link #toString()} shows the ids only.
 */
record OAuthAccounts(
    String clientId,
    String clientSecret,
    String publicClientId,
    String username,
    String password,
    String loginUser,
    String loginPassword,
    String loginKey) {

  @Override
  public String toString() {
    return "OAuthAccounts[client=" + clientId + ", publicClient=" + publicClientId + "]";
  }
}

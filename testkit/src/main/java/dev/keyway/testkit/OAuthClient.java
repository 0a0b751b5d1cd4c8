package dev.keyway.testkit;

/**
 * A client that authenticated at the token endpoint: its id, and whether it proved a credential (a
 * secret or a signed assertion) rather than only naming itself as a public client.
 */
record OAuthClient(String id, boolean confidential) {}

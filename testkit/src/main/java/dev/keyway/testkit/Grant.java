package dev.keyway.testkit;

/**
 * What a token stands for: the {@code subject} the protected resource names (a client id or a
 * user), the client it was issued to, and its space-separated {@code scope} (empty for none).
 */
record Grant(String subject, String clientId, String scope) {}

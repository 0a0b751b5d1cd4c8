package dev.keyway.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The end users who sign in at the sandbox's authorize endpoint, with their e-mail addresses:
 * {@code alice} and {@code bob} unless a test adds more. {@code alice} signs in by default.
 * Thread-safe.
 */
final class OAuthUsers {

  static final String DEFAULT_USER = "alice";

  private final Map<String, String> emails = new ConcurrentHashMap<>();

  OAuthUsers() {
    emails.put("alice", "alice@example.test");
    emails.put("bob", "bob@example.test");
  }

  void add(String id, String email) {
    emails.put(id, email);
  }

  Optional<String> email(String id) {
    return Optional.ofNullable(emails.get(id));
  }

  /** Returns the profile of {@code id}: flat {@code id} and {@code email}, and a nested copy. */
  Map<String, Object> profile(String id) {
    String email = emails.getOrDefault(id, id + "@clients.example.test");
    return Map.of(
        "id", id,
        "email", email,
        "account", Map.of("uid", id + "-uid", "contact", Map.of("mail", id + "@corp.test")));
  }
}

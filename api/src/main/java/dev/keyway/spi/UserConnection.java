package dev.keyway.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * An end user's connection to a provider: the tokens the code exchange gave, and who the user is at
 * the provider (from its profile endpoint). {@link #toString()} shows no token.
 */
public record UserConnection(Token token, String providerUserId, Optional<String> email) {

  public UserConnection {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(providerUserId, "providerUserId");
    Objects.requireNonNull(email, "email");
  }
}

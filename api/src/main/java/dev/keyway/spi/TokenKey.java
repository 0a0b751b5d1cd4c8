package dev.keyway.spi;

import dev.keyway.api.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cached token is for: a collection in an environment, for one end user (the
 * authorization-code flow) or for the collection as a whole, with one scope. Holds no secret.
 */
public record TokenKey(
    String collection, Environment environment, Optional<String> user, String scope) {

  public TokenKey {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(scope, "scope");
  }

  /** Returns the key of a collection-wide token. */
  public static TokenKey of(String collection, Environment environment, String scope) {
    return new TokenKey(collection, environment, Optional.empty(), scope);
  }

  /** Returns the key of the same token for end user {@code userId}. */
  public TokenKey forUser(String userId) {
    return new TokenKey(collection, environment, Optional.of(userId), scope);
  }
}

package dev.keyway.core.internal.auth;

import dev.keyway.core.internal.oauth.TokenEndpoints;
import dev.keyway.spi.TokenStore;
import java.util.Objects;

/** What every collection's token methods share: the token store and the token endpoint factory. */
public record TokenMachinery(TokenStore store, TokenEndpoints endpoints) {

  public TokenMachinery {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(endpoints, "endpoints");
  }
}

package dev.keyway.auth.oauth2;

import dev.keyway.spi.FormField;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenSource;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Obtains tokens with one RFC 6749 grant and renews them with their refresh token (§6) when they
 * have one; core calls {@link #refresh} only then, and falls back to {@link #fetch} when the
 * refresh token is refused. Immutable; its {@link #toString()} names the grant type only, as the
 * form fields hold a password or other credentials.
 */
record GrantSource(TokenEndpoint endpoint, List<FormField> grant, List<FormField> refreshExtra)
    implements TokenSource {

  GrantSource {
    grant = List.copyOf(grant);
    refreshExtra = List.copyOf(refreshExtra);
  }

  @Override
  public CompletionStage<Token> fetch() {
    return endpoint.request(grant);
  }

  @Override
  public CompletionStage<Token> refresh(Token current) {
    return endpoint.refresh(current, refreshExtra);
  }

  @Override
  public String toString() {
    String type =
        grant.stream()
            .filter(field -> field.name().equals("grant_type"))
            .map(FormField::value)
            .findFirst()
            .orElse("?");
    return "GrantSource[" + type + "]";
  }
}

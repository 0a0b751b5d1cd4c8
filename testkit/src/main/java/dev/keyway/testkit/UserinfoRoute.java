package dev.keyway.testkit;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code GET /oauth/userinfo}: the profile of the user a valid access token was issued for,
 * as JSON ({@code id}, {@code email}, and the nested {@code account.uid} and {@code
 * account.contact.mail}); 401 {@code invalid_token} otherwise.
 */
final class UserinfoRoute implements Route {

  private final TokenStore store;
  private final OAuthUsers users;
  private final Clock clock;

  UserinfoRoute(TokenStore store, OAuthUsers users, Clock clock) {
    this.store = store;
    this.users = users;
    this.clock = clock;
  }

  @Override
  public String prefix() {
    return "/oauth/userinfo";
  }

  @Override
  public Reply answer(RecordedRequest request) {
    Optional<Grant> grant =
        request
            .header("Authorization")
            .filter(value -> value.toLowerCase(Locale.ROOT).startsWith("bearer "))
            .flatMap(value -> store.validAccess(value.substring(7), clock.instant()));
    if (grant.isEmpty()) {
      return Reply.json(
          401,
          Map.of("WWW-Authenticate", "Bearer realm=\"sandbox\", error=\"invalid_token\""),
          Map.of("error", "invalid_token"));
    }
    return Reply.json(200, users.profile(grant.get().subject()));
  }
}

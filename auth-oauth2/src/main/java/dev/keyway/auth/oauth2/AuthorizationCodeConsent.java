package dev.keyway.auth.oauth2;

import dev.keyway.spi.AuthorizationRequest;
import dev.keyway.spi.FormField;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.UserConnection;
import dev.keyway.spi.UserConsent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The provider-specific half of the authorization-code flow: the login dialog URL, the code
 * exchange (RFC 6749 §4.1.3, with the PKCE verifier), the profile, and revocation (RFC 7009: the
 * refresh token, which revokes the grant, then the access token). Immutable.
 */
final class AuthorizationCodeConsent implements UserConsent {

  private final String clientId;
  private final String scope;
  private final LoginDialog dialog;
  private final Optional<String> pkce;
  private final boolean generic;
  private final String issuer;
  private final TokenEndpoint endpoint;
  private final Optional<TokenEndpoint> revocation;
  private final Profiles profiles;

  AuthorizationCodeConsent(
      String clientId,
      String scope,
      LoginDialog dialog,
      Optional<String> pkce,
      boolean generic,
      String issuer,
      TokenEndpoint endpoint,
      Optional<TokenEndpoint> revocation,
      Profiles profiles) {
    this.clientId = clientId;
    this.scope = scope;
    this.dialog = dialog;
    this.pkce = pkce;
    this.generic = generic;
    this.issuer = issuer;
    this.endpoint = endpoint;
    this.revocation = revocation;
    this.profiles = profiles;
  }

  @Override
  public Optional<String> pkceMethod() {
    return pkce;
  }

  @Override
  public boolean genericRedirectUrl() {
    return generic;
  }

  @Override
  public String issuer() {
    return issuer;
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return dialog.url(request, clientId, scope);
  }

  @Override
  public CompletionStage<UserConnection> exchange(
      String code, String redirectUri, Optional<String> codeVerifier) {
    List<FormField> grant = new ArrayList<>();
    grant.add(new FormField("grant_type", "authorization_code"));
    grant.add(new FormField("code", code));
    grant.add(new FormField("redirect_uri", redirectUri));
    codeVerifier.ifPresent(verifier -> grant.add(new FormField("code_verifier", verifier)));
    return endpoint.request(grant).thenCompose(profiles::connection);
  }

  @Override
  public CompletionStage<Void> revoke(Token token) {
    if (revocation.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    TokenEndpoint revoke = revocation.get();
    CompletionStage<?> refresh =
        token
            .refreshToken()
            .<CompletionStage<?>>map(
                refreshToken ->
                    revoke.post(
                        List.of(
                            new FormField("token", refreshToken.reveal()),
                            new FormField("token_type_hint", "refresh_token"))))
            .orElse(CompletableFuture.completedFuture(null));
    return refresh
        .thenCompose(
            ignored ->
                revoke.post(
                    List.of(
                        new FormField("token", token.accessToken().reveal()),
                        new FormField("token_type_hint", "access_token"))))
        .thenApply(ignored -> null);
  }

  @Override
  public String toString() {
    return "AuthorizationCodeConsent[pkce=" + pkce.orElse("off") + ", generic=" + generic + "]";
  }
}

package dev.keyway.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One OAuth2 token endpoint (RFC 6749 §3.2) as core offers it to a token method: it authenticates
 * the client (the collection's {@code clientAuth}), sends the request over the collection's client
 * (its TLS settings and timeouts), retries 5xx, 429 and timeouts a bounded number of times with
 * backoff and jitter (honouring {@code Retry-After} up to a cap), and reads the answer: a token per
 * §5.1 (JSON, or form-encoded where the server answers so), or an error per §5.2 as a {@link
 * TokenRequestException}. Get one from {@link AuthContext#tokenEndpoint}.
 *
 * <pre>{@code
 * TokenEndpoint endpoint = context.tokenEndpoint(settings, problems);
 * TokenSource source = () -> endpoint.request(List.of(
 *     new FormField("grant_type", "client_credentials"), new FormField("scope", scope)));
 * }</pre>
 *
 * <p>Thread-safe; never blocks.
 */
public interface TokenEndpoint {

  /**
   * Posts {@code grant} (the grant's form parameters, e.g. {@code grant_type=password}, {@code
   * username}, {@code password}) with the client's authentication and reads the token.
   */
  CompletionStage<Token> request(List<FormField> grant);

  /**
   * Renews {@code current} with its refresh token (RFC 6749 §6), adding {@code extra} parameters
   * such as {@code scope}. The answer's refresh token, if any, replaces the old one; core keeps the
   * old one otherwise.
   */
  default CompletionStage<Token> refresh(Token current, List<FormField> extra) {
    List<FormField> grant = new ArrayList<>();
    grant.add(new FormField("grant_type", "refresh_token"));
    grant.add(
        new FormField(
            "refresh_token",
            current
                .refreshToken()
                .orElseThrow(() -> new IllegalArgumentException("the token has no refresh token"))
                .reveal()));
    grant.addAll(extra);
    return request(grant);
  }

  /**
   * Posts {@code form} to this endpoint's URL with the client's authentication and the same
   * retries, and completes with the 2xx answer: for calls to the authorization server that answer
   * no token, such as revocation (RFC 7009) at an endpoint made with the revocation URL.
   */
  CompletionStage<ExchangeResponse> post(List<FormField> form);

  /**
   * Sends {@code request}, a token request of the method's own making (a custom login call), with
   * the same retries; completes with the 2xx answer for the method to read, or fails with a {@link
   * TokenRequestException}. The client's authentication is not added.
   */
  CompletionStage<ExchangeResponse> send(OutboundRequest request);
}

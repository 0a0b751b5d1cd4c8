package dev.keyway.core.connect;

import dev.keyway.core.UnknownCallException;
import dev.keyway.core.internal.token.UserTokenCaches;
import dev.keyway.spi.AuthorizationRequest;
import dev.keyway.spi.Token;
import dev.keyway.spi.UserConsent;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs the authorization-code flow through which end users connect their accounts, for every
 * collection whose auth method has one ({@code oauth2-authorization-code}), and manages the
 * connections it stores. A gateway maps its endpoints onto it:
 *
 * <pre>{@code
 * URI login = connections.start("calendar", "user-42", returnTo, redirectUri); // 302 there
 * connections.finish(callbackQuery, Optional.of("calendar"))                   // on the callback
 *     .thenAccept(outcome -> redirect303(outcome.returnTo()));
 * }</pre>
 *
 * <p>A flow's {@code state} has 256 random bits, is bound to the collection, the end user, the PKCE
 * verifier, the return address and the redirect URI, expires after 10 minutes and is used once,
 * whatever the callback brings. Pending flows live in this process's memory: the callback must
 * reach the node that started the flow (sticky sessions), or the user starts again.
 *
 * <p>Thread-safe.
 */
public final class Connections {

  /** How long a started flow waits for its callback. */
  public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  private static final int MAX_PENDING = 100_000;

  private final Map<String, Consentable> collections;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

  /** The consent and the user tokens of one collection. */
  public record Consentable(UserConsent consent, UserTokenCaches tokens) {}

  private record Pending(
      String collection,
      String user,
      Optional<String> verifier,
      URI returnTo,
      String redirectUri,
      Instant expiresAt) {}

  public Connections(Map<String, Consentable> collections, Clock clock) {
    this.collections = Map.copyOf(collections);
    this.clock = clock;
  }

  /** Returns whether {@code collection} connects end users. */
  public boolean connects(String collection) {
    return collections.containsKey(collection);
  }

  /** Returns whether {@code collection}'s provider calls back on the generic redirect URL. */
  public boolean usesGenericRedirect(String collection) {
    return consentable(collection).consent().genericRedirectUrl();
  }

  /**
   * Starts a flow for end user {@code user} of {@code collection} and returns the login dialog URL
   * to send the browser to. {@code returnTo} must already be checked against the caller's
   * allowlist; {@code redirectUri} is the callback URL the provider knows.
   */
  public URI start(String collection, String user, URI returnTo, URI redirectUri) {
    Consentable target = consentable(collection);
    purgeExpired();
    if (pending.size() >= MAX_PENDING) {
      throw new IllegalStateException("too many connect flows are pending; try again later");
    }
    String state = Pkce.random(random);
    Optional<String> method = target.consent().pkceMethod();
    Optional<String> verifier = method.map(ignored -> Pkce.random(random));
    Optional<String> challenge = verifier.map(v -> method.get().equals("S256") ? Pkce.s256(v) : v);
    pending.put(
        state,
        new Pending(
            collection,
            user,
            verifier,
            returnTo,
            redirectUri.toString(),
            clock.instant().plus(STATE_LIFETIME)));
    return target
        .consent()
        .authorizationUrl(
            new AuthorizationRequest(state, redirectUri.toString(), challenge, method));
  }

  /**
   * Finishes a flow with the callback's query parameters. {@code pathCollection} is the collection
   * named in the callback path, or empty on the generic callback.
   *
   * @throws ConnectStateException (at once, before any request) when the state is missing, unknown,
   *     expired, used, for another collection, or {@code iss} names another issuer
   */
  public CompletionStage<ConnectOutcome> finish(
      Map<String, String> params, Optional<String> pathCollection) {
    String state = params.get("state");
    if (state == null || state.isEmpty()) {
      throw new ConnectStateException("the callback has no state");
    }
    Pending flow = pending.remove(state); // single use, whatever follows
    if (flow == null) {
      throw new ConnectStateException("the callback's state is unknown or was used already");
    }
    if (!clock.instant().isBefore(flow.expiresAt())) {
      throw new ConnectStateException("the callback's state has expired; connect again");
    }
    if (pathCollection.isPresent() && !pathCollection.get().equals(flow.collection())) {
      throw new ConnectStateException("the callback's state is for another collection");
    }
    Consentable target = consentable(flow.collection());
    String iss = params.get("iss");
    if (iss != null && !iss.equals(target.consent().issuer())) {
      throw new ConnectStateException("the callback's iss names another issuer (RFC 9207)");
    }
    if (params.containsKey("error")) {
      return CompletableFuture.completedFuture(outcome(flow, Optional.of(errorCode(params))));
    }
    String code = params.get("code");
    if (code == null || code.isEmpty()) {
      return CompletableFuture.completedFuture(outcome(flow, Optional.of("connection_failed")));
    }
    return target
        .consent()
        .exchange(code, flow.redirectUri(), flow.verifier())
        .thenCompose(
            connection -> {
              Token token =
                  connection
                      .token()
                      .withDetails(details(connection.providerUserId(), connection.email()));
              return target.tokens().connect(flow.user(), token);
            })
        .handle(
            (ignored, error) ->
                outcome(flow, error == null ? Optional.empty() : Optional.of("connection_failed")));
  }

  /** Returns what may be known of {@code user}'s connection to {@code collection}, if any. */
  public CompletionStage<Optional<ConnectionInfo>> connection(String collection, String user) {
    return consentable(collection)
        .tokens()
        .connection(user)
        .thenApply(stored -> stored.map(Connections::info));
  }

  /**
   * Disconnects {@code user} from {@code collection}: revokes the tokens at the provider where it
   * has a revocation endpoint, then deletes the connection. Completes with whether there was one.
   * The connection is deleted even if the revocation fails.
   */
  public CompletionStage<Boolean> disconnect(String collection, String user) {
    Consentable target = consentable(collection);
    return target
        .tokens()
        .connection(user)
        .thenCompose(
            stored -> {
              if (stored.isEmpty()) {
                return CompletableFuture.completedFuture(false);
              }
              CompletionStage<Void> revoked;
              try {
                revoked = target.consent().revoke(stored.get());
              } catch (RuntimeException e) {
                revoked = CompletableFuture.failedFuture(e);
              }
              return revoked
                  .handle((ignored, error) -> null)
                  .thenCompose(ignored -> target.tokens().disconnect(user))
                  .thenApply(Optional::isPresent);
            });
  }

  private static Map<String, String> details(String providerUserId, Optional<String> email) {
    return email.isPresent()
        ? Map.of(Token.PROVIDER_USER_ID, providerUserId, Token.EMAIL, email.get())
        : Map.of(Token.PROVIDER_USER_ID, providerUserId);
  }

  private static ConnectionInfo info(Token token) {
    return new ConnectionInfo(
        token.details().getOrDefault(Token.PROVIDER_USER_ID, ""),
        Optional.ofNullable(token.details().get(Token.EMAIL)),
        token.scopes(),
        token.expiresAt(),
        token.refreshToken().isPresent());
  }

  private static String errorCode(Map<String, String> params) {
    String error = params.get("error");
    // Only RFC 6749 4.1.2.1 codes pass on to the return address; anything else is generic.
    return error != null && error.matches("[a-z_]{1,40}") ? error : "connection_failed";
  }

  private static ConnectOutcome outcome(Pending flow, Optional<String> error) {
    return new ConnectOutcome(flow.collection(), flow.user(), flow.returnTo(), error);
  }

  private Consentable consentable(String collection) {
    Consentable target = collections.get(collection);
    if (target == null) {
      throw new UnknownCallException(
          "collection " + collection + " does not connect end users (or does not exist)");
    }
    return target;
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    pending.values().removeIf(flow -> !now.isBefore(flow.expiresAt()));
  }

  @Override
  public String toString() {
    return "Connections[" + collections.keySet() + ", " + pending.size() + " pending]";
  }
}

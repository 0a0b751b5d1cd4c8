package dev.keyway.auth.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.spi.AuthContext;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenPlacement;
import dev.keyway.spi.TokenRequestException;
import dev.keyway.spi.UserConnection;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads who a newly connected user is: GETs the provider's profile endpoint with the user's token
 * and takes the id and e-mail from the configured dot paths ({@code id}, {@code email} by default;
 * e.g. {@code account.contact.mail}). Without a profile endpoint the provider's user id is unknown
 * (empty). Immutable.
 */
final class Profiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuthContext context;
  private final Optional<URI> endpoint;
  private final JsonPath idPath;
  private final JsonPath emailPath;

  Profiles(AuthContext context, Optional<URI> endpoint, JsonPath idPath, JsonPath emailPath) {
    this.context = context;
    this.endpoint = endpoint;
    this.idPath = idPath;
    this.emailPath = emailPath;
  }

  /** Returns the connection of {@code token}'s user. */
  CompletionStage<UserConnection> connection(Token token) {
    if (endpoint.isEmpty()) {
      return CompletableFuture.completedFuture(new UserConnection(token, "", Optional.empty()));
    }
    OutboundRequest request =
        OutboundRequest.to("GET", endpoint.get()).withHeader("Accept", "application/json");
    return context
        .http()
        .send(TokenPlacement.bearer().place(request, token))
        .thenApply(
            response -> {
              if (response.status() / 100 != 2) {
                throw refused("the profile endpoint answered " + response.status());
              }
              JsonNode profile;
              try {
                profile = JSON.readTree(response.body());
              } catch (IOException e) {
                throw refused("the profile endpoint's answer is not JSON");
              }
              Optional<String> id = at(profile, idPath);
              if (id.isEmpty()) {
                throw refused("the profile has no " + idPath);
              }
              return new UserConnection(token, id.get(), at(profile, emailPath));
            });
  }

  /** Returns the scalar at dot path {@code path} (e.g. {@code account.contact.mail}). */
  static Optional<String> at(JsonNode root, JsonPath path) {
    return path.find(root)
        .filter(JsonNode::isValueNode)
        .map(JsonNode::asText)
        .filter(text -> !text.isEmpty());
  }

  private TokenRequestException refused(String what) {
    return new TokenRequestException(
        "profile_unavailable", 0, "collection " + context.collection() + ": " + what, null);
  }

  @Override
  public String toString() {
    return "Profiles[" + idPath + ", " + emailPath + "]";
  }
}

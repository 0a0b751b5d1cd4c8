package dev.keyway.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.api.Secret;
import dev.keyway.core.secrets.DataKey;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a token into the one encrypted column of its row and back: the whole token (access and
 * refresh token, type, times, scopes, details) as JSON, sealed with the store's data key and bound
 * to the row's key, so a value copied to another row — another collection, environment, user or
 * scope — does not decrypt.
 */
final class TokenCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenCodec() {}

  /** Returns the authenticated context of {@code key}'s row. */
  static String context(TokenKey key) {
    return "keyway token\u0000"
        + key.collection()
        + "\u0000"
        + key.environment().configName()
        + "\u0000"
        + key.user().orElse("")
        + "\u0000"
        + key.scope();
  }

  static String seal(Token token, TokenKey key, DataKey dataKey) {
    ObjectNode json = JSON.createObjectNode();
    json.put("access", token.accessToken().reveal());
    token.refreshToken().ifPresent(refresh -> json.put("refresh", refresh.reveal()));
    json.put("type", token.type());
    json.put("issuedAt", token.issuedAt().toString());
    token.expiresAt().ifPresent(at -> json.put("expiresAt", at.toString()));
    token.scopes().forEach(json.putArray("scopes")::add);
    ObjectNode details = json.putObject("details");
    token.details().forEach(details::put);
    try {
      byte[] plain = JSON.writeValueAsBytes(json);
      return Base64.getEncoder().encodeToString(dataKey.seal(plain, context(key)));
    } catch (IOException e) {
      throw new UncheckedIOException("a token could not be written as JSON", e);
    }
  }

  static Token open(String sealed, TokenKey key, DataKey dataKey) {
    byte[] plain = dataKey.open(Base64.getDecoder().decode(sealed), context(key));
    JsonNode json;
    try {
      json = JSON.readTree(plain);
    } catch (IOException e) {
      throw new IllegalStateException("a stored token is not readable", e);
    }
    Set<String> scopes = new LinkedHashSet<>();
    json.path("scopes").forEach(scope -> scopes.add(scope.asText()));
    Map<String, String> details = new LinkedHashMap<>();
    json.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
    return new Token(
        Secret.of(json.path("access").asText()),
        json.path("type").asText("Bearer"),
        json.hasNonNull("refresh")
            ? Optional.of(Secret.of(json.get("refresh").asText()))
            : Optional.empty(),
        Instant.parse(json.path("issuedAt").asText()),
        json.hasNonNull("expiresAt")
            ? Optional.of(Instant.parse(json.get("expiresAt").asText()))
            : Optional.empty(),
        scopes,
        details);
  }
}

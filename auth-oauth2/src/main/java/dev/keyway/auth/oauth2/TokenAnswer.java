package dev.keyway.auth.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.Secret;
import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenRequestException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the token out of a custom token endpoint's JSON answer: the text at {@code tokenPath}, and
 * the lifetime in seconds at {@code expiresInPath} when one is configured. Without a lifetime the
 * token has no expiry, and core takes its JWT {@code exp} or the collection's default. A message
 * names the collection and the path, never anything read from the answer. Immutable.
 */
record TokenAnswer(String collection, JsonPath tokenPath, Optional<JsonPath> expiresInPath) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_SECONDS = 10L * 366 * 24 * 3600;

  /** Returns the token in {@code response}, issued at {@code sentAt}. */
  Token read(ExchangeResponse response, Instant sentAt) {
    JsonNode root;
    try {
      root = JSON.readTree(response.body());
    } catch (IOException e) {
      throw bad(response, "is not JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw bad(response, "is empty");
    }
    String accessToken =
        tokenPath
            .find(root)
            .filter(JsonNode::isValueNode)
            .map(JsonNode::asText)
            .filter(text -> !text.isBlank())
            .orElseThrow(() -> bad(response, "has no token at tokenPath " + tokenPath));
    Token token = Token.bearer(Secret.of(accessToken.strip()), sentAt);
    if (expiresInPath.isEmpty()) {
      return token;
    }
    JsonPath path = expiresInPath.get();
    JsonNode lifetime =
        path.find(root)
            .orElseThrow(() -> bad(response, "has no lifetime at expiresInPath " + path));
    return token.expiringAt(sentAt.plusSeconds(seconds(lifetime, response, path)));
  }

  /**
   * Returns the whole seconds of {@code lifetime}, a number or numeric text of at most 10 years.
   */
  private long seconds(JsonNode lifetime, ExchangeResponse response, JsonPath path) {
    try {
      if (lifetime.isNumber() || lifetime.isTextual()) {
        long seconds =
            new BigDecimal(lifetime.asText().strip())
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
        if (seconds >= 0 && seconds <= MAX_SECONDS) {
          return seconds;
        }
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw bad(response, "has no number of seconds (0 to 10 years) at expiresInPath " + path);
  }

  private TokenRequestException bad(ExchangeResponse response, String what) {
    return new TokenRequestException(
        "bad_response",
        response.status(),
        "collection " + collection + ": the token endpoint's answer " + what,
        null);
  }

  /** Lists the paths it reads; nothing else is worth showing. */
  @Override
  public String toString() {
    return "TokenAnswer[tokenPath="
        + tokenPath
        + expiresInPath.map(path -> ", expiresInPath=" + path).orElse("")
        + "]";
  }
}

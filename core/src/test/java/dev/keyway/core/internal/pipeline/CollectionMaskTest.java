package dev.keyway.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.core.internal.token.IssuedTokens;
import dev.keyway.core.redact.EchoMask;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.Token;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CollectionMask")
class CollectionMaskTest {

  private final IssuedTokens tokens = new IssuedTokens();
  private final CollectionMask mask =
      new CollectionMask(EchoMask.of(List.of(Secret.of("configured-key"))), tokens);
  private final OutboundRequest unsigned =
      OutboundRequest.create("GET", URI.create("https://api.example"), "/x")
          .withHeader("Authorization", "set-by-the-caller-template");

  private OutboundRequest signed(String authorization) {
    return unsigned.withHeader("Authorization", authorization).withHeader("X-Other", "not-masked");
  }

  @Test
  @DisplayName(
      "masks configured values, and the authorization value the auth method set, with and without its scheme")
  void masks() {
    EchoMask echo = mask.forExchange(unsigned, signed("Basic YWxpY2U6cHc="));

    assertThat(echo.mask("configured-key | Basic YWxpY2U6cHc= | YWxpY2U6cHc= | not-masked"))
        .isEqualTo("************** | ****************** | ************ | not-masked");
  }

  @Test
  @DisplayName("does not mask an authorization value the request had before the auth method ran")
  void keepsCallersValue() {
    EchoMask echo = mask.forExchange(unsigned, unsigned);

    assertThat(echo.mask("set-by-the-caller-template")).isEqualTo("set-by-the-caller-template");
  }

  @Test
  @DisplayName("reuses the mask while the authorization value and the tokens stay the same")
  void reuses() {
    EchoMask first = mask.forExchange(unsigned, signed("Bearer token-one"));

    assertThat(mask.forExchange(unsigned, signed("Bearer token-one"))).isSameAs(first);
    EchoMask changed = mask.forExchange(unsigned, signed("Bearer token-two"));
    assertThat(changed).isNotSameAs(first);
    assertThat(changed.mask("token-two token-one")).isEqualTo("********* token-one");
  }

  @Test
  @DisplayName("builds a new mask once a token is issued, and masks that token")
  void newToken() {
    EchoMask before = mask.forExchange(unsigned, signed("Bearer static-1"));
    tokens.accept(Token.bearer(Secret.of("issued-token-9"), Instant.EPOCH));

    EchoMask after = mask.forExchange(unsigned, signed("Bearer static-1"));

    assertThat(after).isNotSameAs(before);
    assertThat(after.mask("issued-token-9")).isEqualTo("**************");
  }
}

package dev.keyway.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.core.config.Timeouts;
import dev.keyway.core.internal.client.UpstreamClient;
import dev.keyway.spi.OutboundRequest;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DeferredExchange")
class DeferredExchangeTest {

  private final DeferredExchange exchange = new DeferredExchange("bank");

  @Test
  @DisplayName("fails a side call made before the collection's client is bound")
  void unbound() {
    OutboundRequest request =
        OutboundRequest.create("GET", URI.create("https://bank.example"), "/token");

    assertThatThrownBy(() -> exchange.send(request).toCompletableFuture().get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "collection bank: side calls can be made once the collection is built, not while its"
                + " auth method is created");
  }

  @Test
  @DisplayName("is bound once only")
  void bindsOnce() {
    try (UpstreamClient client = new UpstreamClient("bank", Timeouts.DEFAULT, 1024)) {
      exchange.bind(client);

      assertThatThrownBy(() -> exchange.bind(client)).isInstanceOf(IllegalStateException.class);
      assertThat(exchange).isNotNull();
    }
  }
}

package dev.keyway.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.AuthProvider;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.testkit.TestAuthContext;
import dev.keyway.testkit.TestSettings;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("none")
class NoneProviderTest {

  private final AuthProvider provider = new NoneProvider();

  @Test
  @DisplayName("describes itself as none for the current SPI version, with no settings")
  void identity() {
    assertThat(provider.type()).isEqualTo("none");
    assertThat(provider.apiVersion()).isEqualTo(AuthProvider.API_VERSION);
    assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    assertThat(provider.settings()).isEmpty();
  }

  @Test
  @DisplayName("sends the request exactly as the call built it")
  void addsNothing() {
    OutboundRequest request =
        OutboundRequest.create("GET", URI.create("http://127.0.0.1:8080"), "/things")
            .withHeader("X-Own-Key", "from a private call header");

    AuthMethod method = provider.create(TestSettings.of(), TestAuthContext.create());

    assertThat(method).isSameAs(AuthMethod.NONE);
    assertThat(method.apply(request).toCompletableFuture()).isCompletedWithValue(request);
  }
}

package dev.keyway.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EnvironmentSecrets reads ${secret:} values from KEYWAY_SECRET_* variables")
class EnvironmentSecretsTest {

  private final EnvironmentSecrets secrets =
      new EnvironmentSecrets(
          Map.of(
                  "KEYWAY_SECRET_STRIPE_LIVE", "plain",
                  "KEYWAY_SECRET_LIVE_STRIPE_LIVE", "for-live",
                  "KEYWAY_SECRET_MY_API_KEY", "dashes")
              ::get);

  @Test
  @DisplayName("the name is upper-cased, other characters become _")
  void naming() {
    assertThat(EnvironmentSecrets.variable("stripe.live")).isEqualTo("KEYWAY_SECRET_STRIPE_LIVE");
    assertThat(secrets.find("my-api.key", Environment.DEV).map(Secret::reveal)).contains("dashes");
    assertThat(secrets.find("nothing", Environment.DEV)).isEmpty();
  }

  @Test
  @DisplayName("an environment's own variable wins in that environment")
  void scoped() {
    assertThat(secrets.find("stripe.live", Environment.LIVE).map(Secret::reveal))
        .contains("for-live");
    assertThat(secrets.find("stripe.live", Environment.DEV).map(Secret::reveal)).contains("plain");
    assertThat(secrets.toString()).doesNotContain("plain");
  }
}

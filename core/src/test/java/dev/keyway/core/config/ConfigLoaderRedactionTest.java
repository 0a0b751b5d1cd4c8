package dev.keyway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.InvalidConfigException;
import dev.keyway.core.redact.Redactor;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigLoader makes every secret value it loads known to the log redactor")
class ConfigLoaderRedactionTest {

  private final String secret = "sk_" + UUID.randomUUID();

  @Test
  @DisplayName("a ${secret:...} value is masked in logs once the configuration is loaded")
  void registersLoadedSecrets() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: https://api.stripe.com
            auth: { type: header-key, key: "Bearer ${secret:stripe}" }
            calls: {}
        """;

    ConfigLoader.create().withSecrets(SecretSource.of(Map.of("stripe", secret))).parse(yaml);

    assertThat(Redactor.global().redact("key " + secret))
        .isEqualTo("key " + "*".repeat(secret.length()));
  }

  @Test
  @DisplayName("a value read before the load failed is known to the redactor as well")
  void registersOnFailure() {
    String yaml =
        """
        collections:
          stripe:
            baseUrl: https://api.stripe.com
            auth: { type: header-key, key: "${secret:stripe}" }
            calls: {}
            unknown: 1
        """;

    assertThatThrownBy(
            () ->
                ConfigLoader.create()
                    .withSecrets(SecretSource.of(Map.of("stripe", secret)))
                    .parse(yaml))
        .isInstanceOf(InvalidConfigException.class);
    assertThat(Redactor.global().holdsSecret(secret)).isTrue();
  }
}

package dev.keyway.auth.jwt;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import dev.keyway.testkit.TestCa;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the plugin compatibility kit against jwt-static: the sandbox's /jwt realm accepts its own
 * token and refuses one signed with a key it does not trust.
 */
class JwtStaticCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new JwtStaticProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("token", sandbox.jwt().token());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of(
        "token", TestKeys.es256(TestCa.ecKeyPair(), Instant.now().plus(Duration.ofHours(1))));
  }

  @Override
  protected String sandboxPath() {
    return "/jwt/things";
  }
}

package dev.keyway.auth.oauth2;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.Sandbox;
import dev.keyway.testkit.TokenMethodCompatibilityKit;
import java.util.Map;

/** Runs the plugin compatibility kit against oauth2-password and the sandbox's token endpoint. */
class PasswordCompatibilityTest extends TokenMethodCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new PasswordProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of(
        "tokenEndpoint", sandbox.oauth().tokenUrl().toString(),
        "username", sandbox.oauth().username(),
        "password", sandbox.oauth().password(),
        "clientId", sandbox.oauth().clientId(),
        "clientSecret", sandbox.oauth().clientSecret());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of(
        "tokenEndpoint", sandbox.oauth().tokenUrl().toString(),
        "username", sandbox.oauth().username(),
        "password", "not-the-password",
        "clientId", sandbox.oauth().clientId(),
        "clientSecret", sandbox.oauth().clientSecret());
  }

  @Override
  protected String wrongCredentialsError() {
    return "invalid_grant";
  }
}

package dev.keyway.auth.oauth2;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.Sandbox;
import dev.keyway.testkit.TokenMethodCompatibilityKit;
import java.util.Map;

/**
 * Runs the plugin compatibility kit against oauth2-client-credentials and the sandbox's token
 * endpoint, with a client secret holding {@code :}, {@code +}, {@code %}, a space and non-ASCII.
 */
class ClientCredentialsCompatibilityTest extends TokenMethodCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new ClientCredentialsProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of(
        "tokenEndpoint", sandbox.oauth().tokenUrl().toString(),
        "clientId", sandbox.oauth().clientId(),
        "clientSecret", sandbox.oauth().clientSecret(),
        "scope", "read");
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of(
        "tokenEndpoint",
        sandbox.oauth().tokenUrl().toString(),
        "clientId",
        sandbox.oauth().clientId(),
        "clientSecret",
        "not-the-client-secret",
        "scope",
        "read");
  }

  @Override
  protected String wrongCredentialsError() {
    return "invalid_client";
  }
}

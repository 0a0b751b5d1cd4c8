package dev.keyway.auth.oauth2;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.Sandbox;
import dev.keyway.testkit.TokenMethodCompatibilityKit;
import java.util.Map;

/** Runs the plugin compatibility kit against oauth2-custom-token and the sandbox's JSON login. */
class CustomTokenCompatibilityTest extends TokenMethodCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new CustomTokenProvider();
  }

  private static Map<String, Object> settings(Sandbox sandbox, String password) {
    return Map.of(
        "tokenEndpoint", sandbox.oauth().loginUrl().toString(),
        "tokenHeaders", Map.of("X-Login-Key", "<key>"),
        "body", Map.of("user", "<user>", "pass", "<pass>"),
        "values",
            Map.of(
                "key", sandbox.oauth().loginKey(),
                "user", sandbox.oauth().loginUser(),
                "pass", password),
        "tokenPath", "data.token",
        "expiresInPath", "data.ttl");
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return settings(sandbox, sandbox.oauth().loginPassword());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return settings(sandbox, "not-the-login-password");
  }

  /** The sandbox's login answers 401 {"message":"bad login"}: no RFC 6749 error code. */
  @Override
  protected String wrongCredentialsError() {
    return "http_401";
  }
}

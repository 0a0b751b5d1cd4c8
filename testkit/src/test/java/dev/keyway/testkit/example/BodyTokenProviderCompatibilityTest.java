package dev.keyway.testkit.example;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/** The kit with a call that POSTs a JSON body, for a method that adds a body field. */
@DisplayName("x-body-token (example plugin with a JSON body)")
class BodyTokenProviderCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new BodyTokenProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("token", sandbox.bodyKey());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("token", "not-the-sandbox-key");
  }

  @Override
  protected String sandboxPath() {
    return "/body-key/things";
  }

  @Override
  protected Map<String, Object> callDefinition(Sandbox sandbox) {
    return Map.of(
        "method", "POST",
        "path", sandboxPath(),
        "body", Map.of("type", "json", "template", "{\"name\": \"<name>\"}"),
        "params", Map.of("name", Map.of("in", "body", "private", true, "value", "kit \"probe\"")));
  }
}

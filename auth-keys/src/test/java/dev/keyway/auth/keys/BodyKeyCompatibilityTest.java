package dev.keyway.auth.keys;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.util.Map;

/** Runs the plugin compatibility kit against body-key, with calls that POST a JSON object. */
class BodyKeyCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new BodyKeyProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("keyName", sandbox.bodyKeyName(), "key", sandbox.bodyKey());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("keyName", sandbox.bodyKeyName(), "key", "wrong-" + sandbox.bodyKey());
  }

  @Override
  protected String sandboxPath() {
    return "/body-key/messages";
  }

  @Override
  protected Map<String, Object> callDefinition(Sandbox sandbox) {
    return Map.of(
        "method",
        "POST",
        "path",
        sandboxPath(),
        "body",
        Map.of("type", "json", "template", "{\"greeting\":\"hello\"}"));
  }
}

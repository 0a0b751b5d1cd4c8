package dev.keyway.auth.keys;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.util.Map;

/** Runs the plugin compatibility kit against header-key with a custom header name. */
class HeaderKeyCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new HeaderKeyProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("keyName", sandbox.headerKeyName(), "key", sandbox.headerKey());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("keyName", sandbox.headerKeyName(), "key", "wrong-" + sandbox.headerKey());
  }

  @Override
  protected String sandboxPath() {
    return "/header-key/things";
  }
}

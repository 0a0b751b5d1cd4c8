package dev.keyway.auth.keys;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.util.Map;

/**
 * Runs the plugin compatibility kit against header-key with no keyName, so the key goes in {@code
 * Authorization} with its {@code Bearer } prefix, the most common setup.
 */
class BearerHeaderKeyCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new HeaderKeyProvider();
  }

  @Override
  protected Sandbox startSandbox() {
    return Sandbox.builder().headerKey("Authorization", "sk_test_4eC39HqLyjWDarjtT1zdp7dc").start();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("key", "Bearer " + sandbox.headerKey());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("key", "Bearer sk_test_wrong");
  }

  @Override
  protected String sandboxPath() {
    return "/header-key/v1/customers";
  }
}

package dev.keyway.auth.basic;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.util.Map;

/**
 * Runs the plugin compatibility kit against basic, with a non-ASCII username and a password holding
 * a colon and a space, so the sandbox proves the UTF-8 encoding of RFC 7617 §2.1 on the wire.
 */
class BasicCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new BasicProvider();
  }

  @Override
  protected Sandbox startSandbox() {
    return Sandbox.builder().basic("Jürgen", "pa:ss wörd").start();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("username", sandbox.basicUsername(), "password", sandbox.basicPassword());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("username", sandbox.basicUsername(), "password", "wrong-password");
  }

  @Override
  protected String sandboxPath() {
    return "/basic/things";
  }
}

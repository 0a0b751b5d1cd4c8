package dev.keyway.auth.keys;

import dev.keyway.spi.AuthProvider;
import dev.keyway.testkit.AuthProviderCompatibilityKit;
import dev.keyway.testkit.Sandbox;
import java.util.Map;

/** Runs the plugin compatibility kit against query-key. */
class QueryKeyCompatibilityTest extends AuthProviderCompatibilityKit {

  @Override
  protected AuthProvider provider() {
    return new QueryKeyProvider();
  }

  @Override
  protected Map<String, Object> validSettings(Sandbox sandbox) {
    return Map.of("keyName", sandbox.queryKeyName(), "key", sandbox.queryKey());
  }

  @Override
  protected Map<String, Object> wrongSettings(Sandbox sandbox) {
    return Map.of("keyName", sandbox.queryKeyName(), "key", "wrong-" + sandbox.queryKey());
  }

  @Override
  protected String sandboxPath() {
    return "/query-key/things";
  }
}

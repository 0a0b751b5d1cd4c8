package dev.keyway.testkit;

import dev.keyway.core.secrets.EncryptedFileSecretStore;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.core.secrets.SecretStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Keyway's own encrypted file passes the kit every backend passes. */
class EncryptedFileSecretStoreCompatibilityTest extends SecretStoreCompatibilityKit {

  @TempDir Path dir;

  @Override
  protected SecretStore newStore(Clock clock) {
    return EncryptedFileSecretStore.open(dir.resolve("keyway.secrets.json"), MasterKey.generate())
        .withClock(clock);
  }
}

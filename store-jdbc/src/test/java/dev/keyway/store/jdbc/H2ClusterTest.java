package dev.keyway.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Three nodes sharing one H2 token store")
class H2ClusterTest extends ClusterContract {

  @TempDir Path dir;

  @Override
  TokenStoreDatabase database() {
    return TokenStoreDatabase.h2(dir);
  }
}

package dev.keyway.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcTokenStore on an H2 file")
class H2TokenStoreTest extends JdbcTokenStoreContract {

  @TempDir Path dir;

  @Override
  TokenStoreDatabase database() {
    return TokenStoreDatabase.h2(dir);
  }

  @Test
  @DisplayName("a token survives closing and reopening the store on the same file")
  void restart() {
    JdbcTokenStore before = database.open(master);
    join(before.save(KEY, token("kept", "r-kept")));
    before.close();

    JdbcTokenStore after = store();
    assertThat(join(after.load(KEY)).orElseThrow().accessToken().reveal()).isEqualTo("kept");
  }
}

package dev.keyway.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Three nodes sharing one PostgreSQL token store")
class PostgresClusterTest extends ClusterContract {

  @Override
  TokenStoreDatabase database() {
    String url = PostgresTokenStoreTest.URL;
    assumeTrue(url != null && !url.isBlank(), "KEYWAY_TEST_POSTGRES_URL is not set");
    return TokenStoreDatabase.postgresql(url);
  }
}

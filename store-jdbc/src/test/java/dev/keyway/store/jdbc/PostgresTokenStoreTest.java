package dev.keyway.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;

/**
 * {@link JdbcTokenStore} on PostgreSQL, when {@code KEYWAY_TEST_POSTGRES_URL} names a database
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); {@code .ci/run} sets it. Set
 * but unreachable is a failure, not a skip.
 */
@DisplayName("JdbcTokenStore on PostgreSQL")
class PostgresTokenStoreTest extends JdbcTokenStoreContract {

  static final String URL = System.getenv("KEYWAY_TEST_POSTGRES_URL");

  @Override
  TokenStoreDatabase database() {
    assumeTrue(URL != null && !URL.isBlank(), "KEYWAY_TEST_POSTGRES_URL is not set");
    return TokenStoreDatabase.postgresql(URL);
  }
}

package dev.keyway.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CallerKeys makes random keys and their SHA-256 hashes")
class CallerKeysTest {

  @Test
  @DisplayName("a key is kw_ and 43 base64url characters, different every time")
  void newKey() {
    String key = CallerKeys.newKey();

    assertThat(key).matches("kw_[A-Za-z0-9_-]{43}");
    assertThat(CallerKeys.newKey()).isNotEqualTo(key);
  }

  @Test
  @DisplayName("the hash is sha256: and the hex SHA-256 of the key's UTF-8 bytes")
  void hash() {
    // SHA-256("test"), as in SPEC §2's example.
    assertThat(CallerKeys.hash("test"))
        .isEqualTo("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    assertThat(CallerKeys.isHash(CallerKeys.hash(CallerKeys.newKey()))).isTrue();
    assertThat(CallerKeys.isHash("sha256:abc")).isFalse();
    assertThat(CallerKeys.isHash("kw_x")).isFalse();
  }
}

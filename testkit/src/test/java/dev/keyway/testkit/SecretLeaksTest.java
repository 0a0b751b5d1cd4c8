package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SecretLeaks")
class SecretLeaksTest {

  private final SecretLeaks leaks = new SecretLeaks(Set.of("hunter2-secret", "abc"));

  @Test
  @DisplayName("fails on a secret value, showing where with the value masked")
  void finds() {
    assertThatThrownBy(() -> leaks.assertNone("the log", "GET /x Authorization: hunter2-secret ok"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the log holds the value of a secret setting")
        .hasMessageContaining("Authorization: <SECRET> ok")
        .hasMessageNotContaining("hunter2-secret");
  }

  @Test
  @DisplayName("passes text without a secret, and ignores values too short to be told apart")
  void passes() {
    assertThatCode(() -> leaks.assertNone("the log", "abc is everywhere; hunter2 alone is fine"))
        .doesNotThrowAnyException();
    assertThatCode(() -> leaks.assertNone("nothing", (String) null)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("looks in the messages of an exception's causes")
  void causes() {
    Exception thrown =
        new IllegalStateException("outer", new IllegalArgumentException("key hunter2-secret"));

    assertThatThrownBy(() -> leaks.assertNone("the exception", thrown))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the exception")
        .hasMessageContaining("key <SECRET>");
  }
}

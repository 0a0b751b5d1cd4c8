package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sandbox.Builder")
class SandboxBuilderTest {

  @Test
  @DisplayName("uses the chosen credentials and random ones for the others")
  void chosen() {
    try (Sandbox sandbox =
        Sandbox.builder()
            .headerKey("X-Key", "h")
            .queryKey("q", "qv")
            .bodyKey("b", "bv")
            .basic("u", "p")
            .start()) {
      assertThat(sandbox.headerKeyName()).isEqualTo("X-Key");
      assertThat(sandbox.headerKey()).isEqualTo("h");
      assertThat(sandbox.queryKeyName()).isEqualTo("q");
      assertThat(sandbox.queryKey()).isEqualTo("qv");
      assertThat(sandbox.bodyKeyName()).isEqualTo("b");
      assertThat(sandbox.bodyKey()).isEqualTo("bv");
      assertThat(sandbox.basicUsername()).isEqualTo("u");
      assertThat(sandbox.basicPassword()).isEqualTo("p");
    }
    try (Sandbox sandbox = Sandbox.builder().queryKey("q").bodyKey("b").start()) {
      assertThat(sandbox.queryKeyName()).isEqualTo("q");
      assertThat(sandbox.queryKey()).matches("[A-Za-z0-9_-]{22,}");
      assertThat(sandbox.bodyKeyName()).isEqualTo("b");
      assertThat(sandbox.bodyKey()).matches("[A-Za-z0-9_-]{22,}");
    }
  }

  @Test
  @DisplayName("gives a name alone a random key, even after a chosen one")
  void nameResetsKey() {
    try (Sandbox sandbox =
        Sandbox.builder()
            .headerKey("X-A", "chosen")
            .headerKey("X-B")
            .queryKey("a", "chosen")
            .queryKey("b")
            .bodyKey("a", "chosen")
            .bodyKey("b")
            .start()) {
      assertThat(sandbox.headerKey()).isNotEqualTo("chosen");
      assertThat(sandbox.queryKey()).isNotEqualTo("chosen");
      assertThat(sandbox.bodyKey()).isNotEqualTo("chosen");
    }
  }

  @Test
  @DisplayName("refuses a header name that is not a token and a key with a line break")
  void badHeaderKey() {
    Sandbox.Builder builder = Sandbox.builder();
    assertThatThrownBy(() -> builder.headerKey("X Key", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header name");
    assertThatThrownBy(() -> builder.headerKey("", "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.headerKey("X-Key", "a\r\nInjected: yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Injected");
    assertThatThrownBy(() -> builder.headerKey("X-Key", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.headerKey("X-Key", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("keeps its earlier settings when a call is refused")
  void refusedCallChangesNothing() {
    Sandbox.Builder builder = Sandbox.builder().headerKey("X-Kept", "kept").queryKey("kept", "k");
    assertThatThrownBy(() -> builder.headerKey("X-New", "bad\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.queryKey("new", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.bodyKey("new", null))
        .isInstanceOf(IllegalArgumentException.class);
    try (Sandbox sandbox = builder.start()) {
      assertThat(sandbox.headerKeyName()).isEqualTo("X-Kept");
      assertThat(sandbox.headerKey()).isEqualTo("kept");
      assertThat(sandbox.queryKeyName()).isEqualTo("kept");
      assertThat(sandbox.bodyKeyName()).isEqualTo("api_key");
    }
  }

  @Test
  @DisplayName("refuses empty names, names with quotes or controls, and empty keys")
  void badQueryAndBodyKey() {
    Sandbox.Builder builder = Sandbox.builder();
    for (String name : new String[] {"", "a\"b", "a\\b", "a\nb", null}) {
      assertThatThrownBy(() -> builder.queryKey(name, "v"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("query parameter name");
      assertThatThrownBy(() -> builder.bodyKey(name))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("body field name");
    }
    assertThatThrownBy(() -> builder.queryKey("q", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query key");
    assertThatThrownBy(() -> builder.bodyKey("b", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("body key");
  }

  @Test
  @DisplayName("refuses a Basic user-id with a colon and credentials with control characters")
  void badBasic() {
    Sandbox.Builder builder = Sandbox.builder();
    assertThatThrownBy(() -> builder.basic("a:b", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colon");
    assertThatThrownBy(() -> builder.basic("", "p")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.basic("a\u0000", "p"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.basic("a", "p\u007f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> builder.basic(null, "p")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.basic("a", null)).isInstanceOf(NullPointerException.class);
  }
}

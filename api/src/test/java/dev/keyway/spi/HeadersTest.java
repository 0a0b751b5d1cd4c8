package dev.keyway.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

  @Test
  @DisplayName("names are case-insensitive; with replaces and add appends")
  void caseInsensitive() {
    Headers headers =
        Headers.empty().add("Accept", "a").add("accept", "b").with("X-Key", "1").with("x-key", "2");
    assertThat(headers.all("ACCEPT")).containsExactly("a", "b");
    assertThat(headers.first("X-KEY")).contains("2");
    assertThat(headers.all("x-key")).containsExactly("2");
    assertThat(headers.names()).containsExactly("accept", "x-key");
    assertThat(headers.without("Accept").contains("accept")).isFalse();
  }

  @Test
  @DisplayName("it is immutable")
  void immutable() {
    Headers empty = Headers.empty();
    Headers one = empty.with("A", "1");
    assertThat(empty.entries()).isEmpty();
    assertThat(one.entries()).hasSize(1);
    assertThatThrownBy(() -> one.entries().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "nul\0", "bell\u0007", "del\u007f"})
  @DisplayName("a value with a line break or control character is refused without quoting it")
  void refusesControlCharacters(String value) {
    assertThatThrownBy(() -> Headers.empty().with("X-Key", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header 'X-Key': value contains a line break or another control character");
    assertThat(Headers.isValidValue(value)).isFalse();
  }

  @Test
  @DisplayName("tabs and non-ASCII text are valid values")
  void validValues() {
    assertThat(Headers.isValidValue("a\tb")).isTrue();
    assertThat(Headers.isValidValue("Grüße")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Key", "X:Key", "Ä", "X\r\nY"})
  @DisplayName("a name that is not an RFC 9110 token is refused")
  void refusesBadNames(String name) {
    assertThatThrownBy(() -> Headers.empty().with(name, "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("toString shows names, never values")
  void toStringNamesOnly() {
    Headers headers = Headers.of(Map.of("Authorization", "Bearer canary"));
    assertThat(headers.toString()).isEqualTo("Headers[authorization]").doesNotContain("canary");
  }
}

package dev.keyway.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CallPattern: *, collection.* or collection.call")
class CallPatternTest {

  @Test
  @DisplayName("each form matches what it says and nothing more")
  void matches() {
    CallPattern all = CallPattern.parse("*").orElseThrow();
    CallPattern stripe = CallPattern.parse(" stripe.* ").orElseThrow();
    CallPattern current = CallPattern.parse("weather.current").orElseThrow();

    assertThat(all.matches("any", "thing")).isTrue();
    assertThat(stripe.matches("stripe", "charge")).isTrue();
    assertThat(stripe.matches("stripes", "charge")).isFalse();
    assertThat(current.matches("weather", "current")).isTrue();
    assertThat(current.matches("weather", "past")).isFalse();
    assertThat(List.of(all, stripe, current).toString())
        .isEqualTo("[*, stripe.*, weather.current]");
  }

  @Test
  @DisplayName("other shapes are refused")
  void refuses() {
    for (String text :
        List.of("", "stripe", "*.charge", "stripe.", ".x", "a.b.c", "a b.c", "a.*x")) {
      assertThat(CallPattern.parse(text)).as(text).isEqualTo(Optional.empty());
    }
  }
}

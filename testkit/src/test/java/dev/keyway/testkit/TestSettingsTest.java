package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.spi.Settings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TestSettings and TestAuthContext")
class TestSettingsTest {

  @Test
  @DisplayName("settings are read at collections.x.auth, as core hands them to a provider")
  void settings() {
    Settings settings = TestSettings.of("keyName", "X-Api-Key", "scopes", List.of("a", "b"));
    assertThat(settings.path("key")).isEqualTo("collections.x.auth.key");
    assertThat(settings.text("keyName")).contains("X-Api-Key");
    assertThat(settings.secret("keyName").orElseThrow().reveal()).isEqualTo("X-Api-Key");
    assertThat(settings.list("scopes")).contains(List.of("a", "b"));
    assertThat(settings.text("missing")).isEmpty();
    assertThatThrownBy(() -> TestSettings.of("odd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the context has the chosen environment and clock, and refuses side calls")
  void context() {
    FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    TestAuthContext context =
        TestAuthContext.create().withEnvironment(Environment.LIVE).withClock(clock);
    assertThat(context.collection()).isEqualTo("x");
    assertThat(context.environment()).isEqualTo(Environment.LIVE);
    assertThat(context.clock().instant()).isEqualTo(clock.instant());
    assertThatThrownBy(context::http).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> context.tokenCache(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

package dev.keyway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.spi.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigProblemsTest {

  /** Settings over a map of text values. */
  private record MapSettings(Map<String, String> values) implements Settings {
    @Override
    public String path() {
      return "collections.x.auth";
    }

    @Override
    public Set<String> names() {
      return values.keySet();
    }

    @Override
    public Optional<String> text(String name) {
      return Optional.ofNullable(values.get(name));
    }

    @Override
    public Optional<Secret> secret(String name) {
      return text(name).map(Secret::of);
    }

    @Override
    public Optional<List<String>> list(String name) {
      return text(name).map(List::of);
    }

    @Override
    public Optional<Settings> section(String name) {
      return Optional.empty();
    }
  }

  @Test
  @DisplayName("every problem is collected and thrown together, each with its path")
  void collectsAll() {
    ConfigProblems problems = new ConfigProblems();
    Settings settings = new MapSettings(Map.of("flag", "maybe", "blank", " "));
    assertThat(problems.requireSecret(settings, "key")).isNull();
    assertThat(problems.requireText(settings, "blank")).isNull();
    assertThat(problems.flag(settings, "flag")).isEmpty();

    assertThatThrownBy(problems::throwIfAny)
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::toString)
                    .containsExactly(
                        "collections.x.auth.key: required",
                        "collections.x.auth.blank: required",
                        "collections.x.auth.flag: expected true or false"))
        .hasMessageStartingWith("invalid configuration (3 problems):");
  }

  @Test
  @DisplayName("no problem, no exception")
  void nothingToThrow() {
    ConfigProblems problems = new ConfigProblems();
    Settings settings = new MapSettings(Map.of("key", "k", "flag", "TRUE"));
    assertThat(problems.requireSecret(settings, "key").reveal()).isEqualTo("k");
    assertThat(problems.flag(settings, "flag")).contains(true);
    problems.throwIfAny();
    assertThat(problems.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "500ms,PT0.5S",
    "30s,PT30S",
    "15m,PT15M",
    "1h,PT1H",
    "2d,PT48H",
    "45,PT45S",
    "PT2M,PT2M"
  })
  @DisplayName("durations are read in short and ISO-8601 form")
  void durations(String text, String expected) {
    assertThat(ConfigProblems.parseDuration(text)).contains(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "30x", "-5s", "fast", "1.5h", "ms"})
  @DisplayName("anything else is not a duration")
  void badDurations(String text) {
    assertThat(ConfigProblems.parseDuration(text)).isEmpty();
  }

  @Test
  @DisplayName("a bad duration setting is a problem at its path")
  void badDurationSetting() {
    ConfigProblems problems = new ConfigProblems();
    assertThat(problems.duration(new MapSettings(Map.of("lifetime", "soon")), "lifetime"))
        .isEmpty();
    assertThat(problems.list())
        .extracting(ConfigProblem::path)
        .containsExactly("collections.x.auth.lifetime");
  }

  @Test
  @DisplayName("an exception needs at least one problem")
  void emptyException() {
    assertThatThrownBy(() -> new InvalidConfigException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new InvalidConfigException("a.b", "broken").getMessage())
        .isEqualTo("invalid configuration: a.b: broken");
  }

  @Test
  @DisplayName("environments parse from config names")
  void environments() {
    assertThat(Environment.parse(" LIVE ")).contains(Environment.LIVE);
    assertThat(Environment.parse("dev")).contains(Environment.DEV);
    assertThat(Environment.parse("prod")).isEmpty();
    assertThat(Environment.parse(null)).isEmpty();
    assertThat(Environment.LIVE.configName()).isEqualTo("live");
  }
}

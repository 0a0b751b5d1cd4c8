package dev.keyway.core.internal.request;

import static dev.keyway.core.config.ParamConfig.Location.PATH;
import static dev.keyway.core.internal.request.CallFixture.get;
import static dev.keyway.core.internal.request.CallFixture.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.keyway.api.ConfigProblem;
import dev.keyway.core.CallRejectedException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("CallTemplate refuses path values that could leave their segment")
class CallTemplatePathValueTest {

  private static final String EMPTY = "a path value cannot be empty";
  private static final String SEPARATOR =
      "a path value cannot contain '/' or '\\', also when percent-encoded";
  private static final String DOTS =
      "a path value cannot be '.' or '..', also when percent-encoded";
  private static final String CONTROL =
      "a path value cannot contain control characters, also when percent-encoded";
  private static final String NOT_UTF8 =
      "a path value cannot hold percent-escapes that decode to invalid UTF-8";

  private final CallTemplate template =
      get("/v1/cities/[city]/now").param(required("city", PATH)).compile();

  static Stream<Arguments> hostileValues() {
    return Stream.of(
        Arguments.of("", EMPTY),
        Arguments.of(".", DOTS),
        Arguments.of("..", DOTS),
        Arguments.of("%2e", DOTS),
        Arguments.of("%2e%2e", DOTS),
        Arguments.of("%2E%2E", DOTS),
        Arguments.of(".%2e", DOTS),
        Arguments.of("%252e%252e", DOTS),
        Arguments.of("%25252e%25252e", DOTS),
        Arguments.of("..;jsessionid=1", DOTS),
        Arguments.of("%2e%2e%3bx", DOTS),
        Arguments.of("/", SEPARATOR),
        Arguments.of("a/b", SEPARATOR),
        Arguments.of("../admin", SEPARATOR),
        Arguments.of("//evil.example", SEPARATOR),
        Arguments.of("a\\b", SEPARATOR),
        Arguments.of("..\\admin", SEPARATOR),
        Arguments.of("a%2Fb", SEPARATOR),
        Arguments.of("a%2fb", SEPARATOR),
        Arguments.of("%2e%2e%2fadmin", SEPARATOR),
        Arguments.of("a%252Fb", SEPARATOR),
        Arguments.of("a%5Cb", SEPARATOR),
        Arguments.of("a%25255cb", SEPARATOR),
        Arguments.of("line\nbreak", CONTROL),
        Arguments.of("nul\u0000", CONTROL),
        Arguments.of("tab\there", CONTROL),
        Arguments.of("del\u007f", CONTROL),
        Arguments.of("c1\u0085", CONTROL),
        Arguments.of("a%0Ab", CONTROL),
        Arguments.of("a%00b", CONTROL),
        Arguments.of("a%250db", CONTROL),
        Arguments.of("%c0%af", NOT_UTF8),
        Arguments.of("%e0%80%af", NOT_UTF8),
        Arguments.of("%ff", NOT_UTF8),
        Arguments.of("lone\ud800", "a path value must be valid Unicode text"),
        Arguments.of("%2525252525252e", "a path value cannot be percent-encoded this many times"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("hostileValues")
  @DisplayName("a hostile path value is refused, naming the parameter, and nothing is built")
  void refuses(String value, String message) {
    CallRejectedException error =
        assertThatExceptionOfType(CallRejectedException.class)
            .isThrownBy(() -> template.build(Map.of("city", value), Optional.empty()))
            .actual();

    assertThat(error.problems()).containsExactly(new ConfigProblem("params.city", message));
  }

  @Test
  @DisplayName("the refusal names the parameter but never quotes the value")
  void doesNotQuoteValue() {
    CallRejectedException error =
        assertThatExceptionOfType(CallRejectedException.class)
            .isThrownBy(
                () -> template.build(Map.of("city", "../secret-admin-area"), Optional.empty()))
            .actual();

    assertThat(error.getMessage()).contains("params.city").doesNotContain("secret-admin-area");
    assertThat(error.problems())
        .allSatisfy(problem -> assertThat(problem.message()).doesNotContain("secret-admin-area"));
  }

  @Test
  @DisplayName("text that only looks like an escape is kept and encoded, not decoded")
  void keepsLiteralPercent() {
    assertThat(template.build(Map.of("city", "50%off %2"), Optional.empty()).rawPath())
        .isEqualTo("/v1/cities/50%25off%20%252/now");
    assertThat(template.build(Map.of("city", "%41"), Optional.empty()).rawPath())
        .isEqualTo("/v1/cities/%2541/now");
  }

  @Test
  @DisplayName("percent-encoded text that decodes to an ordinary name is accepted and re-encoded")
  void acceptsEncodedName() {
    assertThat(template.build(Map.of("city", "S%C3%A3o%20Paulo"), Optional.empty()).rawPath())
        .isEqualTo("/v1/cities/S%25C3%25A3o%2520Paulo/now");
  }

  @Test
  @DisplayName("a value is checked after each of four decodings, and refused if it needs more")
  void checksFourDecodes() {
    assertThat(PathSegments.refusal("%2525252e")).isEqualTo(DOTS);
    assertThat(PathSegments.refusal("%2525252e%2525252e")).isEqualTo(DOTS);
    assertThat(PathSegments.refusal("%252525252fx"))
        .isEqualTo("a path value cannot be percent-encoded this many times");
    assertThat(PathSegments.refusal("a%25252541")).isNull();
  }

  @Test
  @DisplayName("a path value made of more than two dots is an ordinary name")
  void acceptsThreeDots() {
    assertThat(template.build(Map.of("city", "..."), Optional.empty()).rawPath())
        .isEqualTo("/v1/cities/.../now");
  }
}

package dev.keyway.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.spi.Headers;
import dev.keyway.spi.ResponseHead;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthFailuresTest {

  private static final AuthFailures DEFAULT = new AuthFailures(Set.of(401));

  @ParameterizedTest(name = "{0} with [{1}] is a refusal: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "401 |                                                   | true",
        "403 |                                                   | false",
        "200 |                                                   | false",
        "400 | Bearer realm=\"x\", error=\"invalid_token\"        | true",
        "403 | Bearer error=invalid_token                          | true",
        "401 | Bearer realm=\"x\", error=\"insufficient_scope\"   | false",
        "401 | Bearer realm=\"x\"                                  | true",
        "403 | Bearer realm=\"x\", error_description=\"x\"         | false",
      })
  void decides(int status, String challenge, boolean refused) {
    Headers headers =
        challenge == null ? Headers.empty() : Headers.empty().add("WWW-Authenticate", challenge);
    assertThat(DEFAULT.test(new ResponseHead(status, headers))).isEqualTo(refused);
  }

  @ParameterizedTest(name = "with statuses [401, 419], {0} is a refusal: {1}")
  @CsvSource({"419, true", "401, true", "403, false"})
  void configured(int status, boolean refused) {
    assertThat(new AuthFailures(Set.of(401, 419)).test(new ResponseHead(status, Headers.empty())))
        .isEqualTo(refused);
  }
}

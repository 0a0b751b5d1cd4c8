package dev.keyway.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnAddressesTest {

  private static final List<URI> ALLOWED =
      List.of(
          URI.create("https://app.example.com/settings/connections"),
          URI.create("http://127.0.0.1:3000/"));

  @ParameterizedTest(name = "{0} allowed: {1}")
  @CsvSource({
    "https://app.example.com/settings/connections, true",
    "https://app.example.com/settings/connections/calendar?tab=2, true",
    "https://APP.example.com:443/settings/connections, true",
    "https://app.example.com/settings/connectionsX, false",
    "https://app.example.com/settings, false",
    "https://app.example.com/settings/connections/../../admin, false",
    "https://app.example.com/settings/connections/%2e%2e/admin, false",
    "http://app.example.com/settings/connections, false",
    "https://app.example.com:8443/settings/connections, false",
    "https://evil.example.com/settings/connections, false",
    "https://app.example.com.evil.example/settings/connections, false",
    "https://user@app.example.com/settings/connections, false",
    "https://app.example.com/settings/connections#frag, false",
    "//app.example.com/settings/connections, false",
    "/settings/connections, false",
    "javascript:alert(1), false",
    "http://127.0.0.1:3000/anything, true",
    "http://127.0.0.1:3001/anything, false",
  })
  void checks(String candidate, boolean allowed) {
    assertThat(ReturnAddresses.check(candidate, ALLOWED).isPresent()).isEqualTo(allowed);
  }
}

package dev.keyway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.spi.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RecordedRequest")
class RecordedRequestTest {

  private static RecordedRequest request(byte[] body) {
    return new RecordedRequest(
        "POST",
        "/a",
        "key=s3cr3t-value",
        Map.of("key", List.of("s3cr3t-value")),
        Headers.of(Map.of("Authorization", "Bearer hidden-token")),
        body);
  }

  @Test
  @DisplayName("copies its body in and out")
  void copiesBody() {
    byte[] body = {1, 2, 3};
    RecordedRequest recorded = request(body);

    body[0] = 9;
    recorded.body()[1] = 9;

    assertThat(recorded.body()).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("keeps an unmodifiable copy of the decoded query, in order")
  void copiesQuery() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    List<String> values = new ArrayList<>(List.of("1"));
    query.put("z", values);
    query.put("a", List.of("2"));
    RecordedRequest recorded =
        new RecordedRequest("GET", "/", "z=1&a=2", query, Headers.empty(), new byte[0]);

    values.add("changed");

    assertThat(recorded.query().keySet()).containsExactly("z", "a");
    assertThat(recorded.query().get("z")).containsExactly("1");
    assertThatThrownBy(() -> recorded.query().put("b", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("compares by value, body included")
  void equality() {
    assertThat(request(new byte[] {1})).isEqualTo(request(new byte[] {1}));
    assertThat(request(new byte[] {1})).hasSameHashCodeAs(request(new byte[] {1}));
    assertThat(request(new byte[] {1})).isNotEqualTo(request(new byte[] {2}));
  }

  @Test
  @DisplayName("shows names and sizes in toString, never a query value, header value or body")
  void describes() {
    String text = request("body-secret".getBytes()).toString();

    assertThat(text).isEqualTo("RecordedRequest[POST /a?key, Headers[authorization], 11 bytes]");
    assertThat(text).doesNotContain("s3cr3t", "hidden-token", "body-secret");
  }

  @Test
  @DisplayName("looks up header and query values")
  void lookups() {
    RecordedRequest recorded = request(new byte[0]);

    assertThat(recorded.header("authorization")).contains("Bearer hidden-token");
    assertThat(recorded.header("X-None")).isEmpty();
    assertThat(recorded.queryParameter("key")).contains("s3cr3t-value");
    assertThat(recorded.queryParameter("none")).isEmpty();
  }
}

package dev.keyway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.testkit.RecordedRequest;
import dev.keyway.testkit.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {

  @TempDir Path dir;

  @Test
  @DisplayName("the README's embedding example calls the API with the key in the query")
  void runsAgainstTheSandbox() throws IOException {
    try (Sandbox sandbox = Sandbox.builder().queryKey("appid").start()) {
      Path config = dir.resolve("keyway.yaml");
      Files.writeString(
          config,
          String.join(
              "\n",
              "collections:",
              "  weather:",
              "    baseUrl: " + sandbox.baseUrl() + "/query-key",
              "    auth: { type: query-key, keyName: appid, key: \"${secret:weather}\" }",
              "    calls:",
              "      current: { method: GET, path: \"/v2/cities/[city]/now\","
                  + " params: { city: { in: path } } }"));

      String result = QuickStart.run(config, sandbox.queryKey());

      assertThat(result).startsWith("200 ");
      RecordedRequest received = sandbox.lastRequest();
      assertThat(received.rawPath()).isEqualTo("/query-key/v2/cities/Oslo/now");
      assertThat(received.queryParameter("appid")).contains(sandbox.queryKey());
    }
  }

  @Test
  @DisplayName("the README shows exactly the example's code")
  void readmeShowsTheExample() throws IOException {
    List<String> source =
        Files.readAllLines(Path.of("src/main/java/dev/keyway/examples/QuickStart.java"));
    int begin = source.indexOf("    // README:begin");
    int end = source.indexOf("    // README:end");
    String snippet =
        source.subList(begin + 1, end).stream()
            .map(line -> line.length() >= 4 ? line.substring(4) : line)
            .collect(Collectors.joining("\n"));

    assertThat(begin).isPositive();
    assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
  }
}

package dev.keyway.auth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.core.Keyway;
import dev.keyway.core.config.SecretSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads every configuration example of this module's README, so the docs cannot drift. */
class ReadmeExamplesTest {

  private static final Pattern YAML =
      Pattern.compile("```yaml\\n(collections:.*?)```", Pattern.DOTALL);
  private static final Pattern SECRET = Pattern.compile("\\$\\{secret:([^}]+)}");

  @TempDir Path dir;

  @Test
  @DisplayName("each collections example in README.md loads, in dev and in live")
  void examplesLoad() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> examples = new ArrayList<>();
    Matcher yaml = YAML.matcher(readme);
    while (yaml.find()) {
      examples.add(yaml.group(1));
    }
    assertThat(examples).as("the README's collections examples").hasSize(3);

    for (String example : examples) {
      Map<String, String> secrets = new LinkedHashMap<>();
      Matcher secret = SECRET.matcher(example);
      while (secret.find()) {
        secrets.put(secret.group(1), "value-of-" + secret.group(1));
      }
      for (String environment : List.of("dev", "live")) {
        Path config = dir.resolve("keyway-" + environment + ".yaml");
        Files.writeString(config, "environment: " + environment + "\n" + example);
        try (Keyway keyway =
            Keyway.builder().configFile(config).secrets(SecretSource.of(secrets)).build()) {
          assertThat(keyway.config().collections()).hasSize(1);
        }
      }
    }
  }
}

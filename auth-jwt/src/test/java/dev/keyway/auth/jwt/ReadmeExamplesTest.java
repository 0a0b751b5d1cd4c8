package dev.keyway.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
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

/**
 * Loads the configuration examples of this module's README, so the docs cannot drift. Examples that
 * read a file ({@code ${file:...}}) are left out; each secret gets a value of the kind its setting
 * wants: a service-account key file, or a PEM key for the names ending in {@code key}.
 */
class ReadmeExamplesTest {

  private static final Pattern YAML =
      Pattern.compile("```yaml\\n(collections:.*?)```", Pattern.DOTALL);
  private static final Pattern SECRET = Pattern.compile("\\$\\{secret:([^}]+)}");
  private static final Pattern KEY_FILE =
      Pattern.compile("serviceAccountJson: \"\\$\\{secret:([^}]+)}\"");

  @TempDir Path dir;

  @Test
  @DisplayName("each collections example in README.md that reads no file loads")
  void examplesLoad() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> examples = new ArrayList<>();
    Matcher yaml = YAML.matcher(readme);
    while (yaml.find()) {
      if (!yaml.group(1).contains("${file:")) {
        examples.add(yaml.group(1));
      }
    }
    assertThat(examples).as("the README's collections examples without files").hasSize(4);
    String pem = Pems.traditional(Pems.rsa(2048).getPrivate());

    for (String example : examples) {
      Map<String, String> secrets = new LinkedHashMap<>();
      Matcher secret = SECRET.matcher(example);
      while (secret.find()) {
        String name = secret.group(1);
        secrets.put(name, name.endsWith("key") ? pem : "value-of-" + name);
      }
      Matcher keyFile = KEY_FILE.matcher(example);
      while (keyFile.find()) {
        secrets.put(keyFile.group(1), keyFile(pem));
      }
      Path config = dir.resolve("keyway.yaml");
      Files.writeString(config, "environment: dev\n" + example);
      try (Keyway keyway =
          Keyway.builder().configFile(config).secrets(SecretSource.of(secrets)).build()) {
        assertThat(keyway.config().collections()).hasSize(1);
      }
    }
  }

  private static String keyFile(String pem) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("type", "service_account");
    file.put("private_key_id", "abc123");
    file.put("private_key", pem);
    file.put("client_email", "storage-reader@my-project.iam.gserviceaccount.com");
    file.put("token_uri", "https://oauth2.googleapis.com/token");
    return JSONObjectUtils.toJSONString(file);
  }
}

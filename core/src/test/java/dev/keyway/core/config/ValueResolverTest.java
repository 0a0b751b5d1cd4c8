package dev.keyway.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.keyway.api.ConfigProblem;
import dev.keyway.api.ConfigProblems;
import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ValueResolver keeps the secret values it used, for log redaction")
class ValueResolverTest {

  private final ConfigProblems problems = new ConfigProblems();
  private final ValueResolver values =
      new ValueResolver(
          Environment.DEV,
          false,
          new ReferenceResolver(
              SecretSource.of(Map.of("a", "alpha", "b", "beta")),
              Environment.DEV,
              Map.of("USER", "u")::get,
              Path.of(".")),
          problems,
          (ConfigProblem warning) -> {});

  @Test
  @DisplayName("remembers each secret that went into a resolved string, and nothing else")
  void remembersSecrets() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    assertThat(values.text(nodes.textNode("${secret:a}:${secret:b}"), "x").value())
        .contains("alpha:beta");
    assertThat(values.text(nodes.textNode("${env:USER} plain"), "y").value()).contains("u plain");
    assertThat(values.secretsUsed()).extracting(Secret::reveal).containsExactly("alpha", "beta");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("marks resolved text that holds a secret, and masks it in toString")
  void resolvedTextKnowsItsSecrets() {
    ResolvedText withSecret =
        new ReferenceResolver(
                SecretSource.of(Map.of("a", "alpha")), Environment.DEV, name -> null, Path.of("."))
            .resolve("key ${secret:a}", "x", problems)
            .orElseThrow();
    assertThat(withSecret.containsSecret()).isTrue();
    assertThat(withSecret.text()).isEqualTo("key alpha");
    assertThat(withSecret.toString()).doesNotContain("alpha");
    ResolvedText plain =
        new ReferenceResolver(SecretSource.NONE, Environment.DEV, name -> null, Path.of("."))
            .resolve("plain", "x", problems)
            .orElseThrow();
    assertThat(plain.containsSecret()).isFalse();
  }
}

package dev.keyway.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.core.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

@DisplayName("KeywayLoggers")
class KeywayLoggersTest {

  private static final Logger LOG = KeywayLoggers.getLogger(KeywayLoggersTest.class);

  private final String secret = "sk_live_" + UUID.randomUUID().toString().replace("-", "");
  private final String masked = "*".repeat(secret.length());

  KeywayLoggersTest() {
    Redactor.global().register(List.of(Secret.of(secret)));
  }

  private static String standardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("masks a secret passed as an argument, and keeps the logger's name and level")
  void masksArguments() {
    String log = standardError(() -> LOG.warn("calling with key {} and {}", secret, "more"));

    assertThat(log)
        .doesNotContain(secret)
        .contains("WARN " + KeywayLoggersTest.class.getName())
        .contains("calling with key " + masked + " and more");
  }

  @Test
  @DisplayName("masks a secret in a message written whole, and in a URL's query")
  void masksMessages() {
    String log =
        standardError(
            () -> {
              LOG.info("key=" + secret);
              LOG.info("GET https://api.example/v1?appid={}", secret);
            });

    assertThat(log).doesNotContain(secret).contains("key=" + masked).contains("appid=" + masked);
  }

  @Test
  @DisplayName("masks a secret in an exception's message, its causes and its stack trace")
  void masksThrowables() {
    IOException cause = new IOException("upstream said: bad key " + secret);
    String log =
        standardError(
            () -> LOG.error("call failed", new IllegalStateException("wrapped " + secret, cause)));

    assertThat(log)
        .doesNotContain(secret)
        .contains("java.lang.IllegalStateException: wrapped " + masked)
        .contains("Caused by: java.io.IOException: upstream said: bad key " + masked)
        .contains("at " + KeywayLoggersTest.class.getName());
  }

  @Test
  @DisplayName("masks a throwable given as the last argument after the placeholders")
  void masksTrailingThrowable() {
    String log =
        standardError(() -> LOG.warn("{} failed", "call", new RuntimeException("key " + secret)));

    assertThat(log).doesNotContain(secret).contains("call failed").contains("key " + masked);
  }

  @Test
  @DisplayName("masks what the fluent API logs")
  void masksFluentApi() {
    String log =
        standardError(
            () ->
                LOG.atWarn()
                    .setMessage("fluent {}")
                    .addArgument(secret)
                    .addKeyValue("k", secret)
                    .log());

    assertThat(log).doesNotContain(secret).contains("fluent " + masked);
  }

  @Test
  @DisplayName("does not format a message whose level is off")
  void disabledLevelsCostNothing() {
    AtomicInteger formatted = new AtomicInteger();
    Object argument =
        new Object() {
          @Override
          public String toString() {
            formatted.incrementAndGet();
            return secret;
          }
        };

    String log = standardError(() -> LOG.debug("never {}", argument));

    assertThat(formatted).hasValue(0);
    assertThat(log).isEmpty();
  }

  @Test
  @DisplayName("hands the backend a finished message: braces in a value are not placeholders")
  void bracesInValues() {
    String log = standardError(() -> LOG.info("value {}", "x{}y"));

    assertThat(log).contains("value x{}y");
  }

  @Test
  @DisplayName("logs under the name it is given")
  void byName() {
    Logger named = KeywayLoggers.getLogger("dev.keyway.named");

    assertThat(named.getName()).isEqualTo("dev.keyway.named");
    assertThat(standardError(() -> named.info("{}", secret))).contains(masked);
  }
}

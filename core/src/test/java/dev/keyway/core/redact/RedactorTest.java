package dev.keyway.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Redactor")
class RedactorTest {

  private final Redactor redactor = new Redactor(3);
  private final String secret = "pw-" + UUID.randomUUID();

  private static String trace(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  @DisplayName("masks a registered value, and its percent-encoded spelling in a URL")
  void masksText() {
    redactor.register(List.of(Secret.of(secret), Secret.of("a b&c=d")));

    assertThat(redactor.redact("password is " + secret + "."))
        .isEqualTo("password is " + "*".repeat(secret.length()) + ".");
    assertThat(redactor.redact("GET https://api.example/x?key=a%20b%26c%3Dd&city=Oslo"))
        .isEqualTo("GET https://api.example/x?key=*************&city=Oslo");
  }

  @Test
  @DisplayName("returns the same text when it holds no value, and copes with null and empty")
  void unchanged() {
    redactor.register(List.of(Secret.of(secret)));
    String text = "nothing to hide";

    assertThat(redactor.redact(text)).isSameAs(text);
    assertThat(redactor.redact((String) null)).isNull();
    assertThat(redactor.redact("")).isEmpty();
    assertThat(new Redactor(1).redact(text)).isSameAs(text);
  }

  @Test
  @DisplayName("remembers only the most recent issued tokens, but every configured value")
  void issuedTokensAreBounded() {
    redactor.register(List.of(Secret.of(secret)));
    for (int i = 1; i <= 4; i++) {
      redactor.registerIssued(Secret.of("token-number-" + i));
    }

    assertThat(redactor.redact("token-number-1 token-number-4 " + secret))
        .isEqualTo("token-number-1 ************** " + "*".repeat(secret.length()));
    assertThat(redactor.toString()).isEqualTo("Redactor[1 configured, 3 issued]");
  }

  @Test
  @DisplayName("copies a throwable whose chain holds a value, masking every message")
  void masksThrowables() {
    redactor.register(List.of(Secret.of(secret)));
    IOException cause = new IOException("refused for key " + secret);
    IllegalStateException thrown = new IllegalStateException("outer " + secret, cause);
    thrown.addSuppressed(new IllegalArgumentException("suppressed " + secret));

    Throwable redacted = redactor.redact(thrown);

    String trace = trace(redacted);
    assertThat(trace)
        .doesNotContain(secret)
        .contains("java.lang.IllegalStateException: outer ****")
        .contains("Caused by: java.io.IOException: refused for key ****")
        .contains("Suppressed: java.lang.IllegalArgumentException: suppressed ****")
        .contains(RedactorTest.class.getName() + ".masksThrowables");
    assertThat(redacted.getMessage()).isEqualTo("outer " + "*".repeat(secret.length()));
    assertThat(redacted.getStackTrace()).isEqualTo(thrown.getStackTrace());
  }

  @Test
  @DisplayName("finds a value deep in a cause chain, and copes with a cycle")
  void deepAndCyclic() {
    redactor.register(List.of(Secret.of(secret)));
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second " + secret, first);
    first.initCause(second); // a cycle: first -> second -> first

    Throwable redacted = redactor.redact(first);

    assertThat(redacted).isNotSameAs(first);
    assertThat(redacted.getCause().getMessage()).doesNotContain(secret);
    assertThat(redacted.getCause().getCause()).isSameAs(redacted);
  }

  @Test
  @DisplayName("returns a throwable unchanged when no part of it holds a value")
  void cleanThrowable() {
    redactor.register(List.of(Secret.of(secret)));
    RuntimeException thrown = new RuntimeException("clean", new IOException("also clean"));

    assertThat(redactor.redact(thrown)).isSameAs(thrown);
    assertThat(redactor.redact((Throwable) null)).isNull();
  }

  @Test
  @DisplayName("finds which configured values a collection's texts use")
  void configuredIn() {
    Secret used = Secret.of(secret);
    redactor.register(List.of(used, Secret.of("other-value-1")));

    assertThat(redactor.configuredIn(List.of("Bearer " + secret, "plain"))).containsExactly(used);
    assertThat(redactor.configuredIn(List.of("plain"))).isEmpty();
  }

  @Test
  @DisplayName("the global redactor is one instance")
  void global() {
    assertThat(Redactor.global()).isSameAs(Redactor.global());
  }
}

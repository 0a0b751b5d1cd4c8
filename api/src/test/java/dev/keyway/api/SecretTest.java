package dev.keyway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  @DisplayName("toString is masked")
  void masked() {
    Secret secret = Secret.of("sk_live_canary");
    assertThat(secret.toString()).isEqualTo("Secret[****]").doesNotContain("canary");
    assertThat(String.valueOf(secret)).doesNotContain("canary");
    assertThat("value=" + secret).doesNotContain("canary");
  }

  @Test
  @DisplayName("the value is read only through reveal, as text or UTF-8 bytes")
  void reveal() {
    Secret secret = Secret.of("pässword");
    assertThat(secret.reveal()).isEqualTo("pässword");
    assertThat(secret.revealBytes()).isEqualTo("pässword".getBytes(StandardCharsets.UTF_8));
    secret.revealBytes()[0] = 'X';
    assertThat(secret.reveal()).as("the bytes are a copy").isEqualTo("pässword");
  }

  @Test
  @DisplayName("equals and hashCode are identity-based and reveal nothing about the value")
  void identityEquality() {
    Secret a = Secret.of("same");
    Secret b = Secret.of("same");
    assertThat(a).isNotEqualTo(b);
    assertThat(a).isEqualTo(a);
    assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
  }

  @Test
  @DisplayName("matches compares values")
  void matches() {
    assertThat(Secret.of("same").matches(Secret.of("same"))).isTrue();
    assertThat(Secret.of("same").matches(Secret.of("sama"))).isFalse();
    assertThat(Secret.of("same").matches(Secret.of("same-but-longer"))).isFalse();
    assertThat(Secret.of("same").matches(null)).isFalse();
  }

  @Test
  @DisplayName("Java serialization refuses it")
  void notSerializable() {
    assertThatThrownBy(
            () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(Secret.of("x")))
        .isInstanceOf(NotSerializableException.class);
  }

  @Test
  @DisplayName("a prefix can be added, and emptiness is known without revealing")
  void prefixAndEmpty() {
    assertThat(Secret.of("abc").withPrefix("Bearer ").reveal()).isEqualTo("Bearer abc");
    assertThat(Secret.of("").isEmpty()).isTrue();
    assertThat(Secret.of("a").isEmpty()).isFalse();
  }
}

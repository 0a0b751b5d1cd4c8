package dev.keyway.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.spi.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

@DisplayName("EchoMask")
class EchoMaskTest {

  private static EchoMask mask(String... values) {
    return EchoMask.of(List.of(values).stream().map(Secret::of).toList());
  }

  @Test
  @DisplayName("masks each occurrence byte for byte, keeping the length")
  void masksBytes() {
    byte[] masked =
        mask("key-123456").mask("a key-123456 b key-123456".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo("a ********** b **********");
  }

  @Test
  @DisplayName("returns the same bytes when nothing is masked")
  void unchanged() {
    byte[] body = "nothing here".getBytes(StandardCharsets.UTF_8);

    assertThat(mask("key-123456").mask(body)).isSameAs(body);
    assertThat(EchoMask.NONE.mask(body)).isSameAs(body);
  }

  @Test
  @DisplayName("masks the percent-encoded, form-encoded and JSON-escaped spellings of a value")
  void spellings() {
    EchoMask mask = mask("a b/c\"d+é");

    assertThat(mask.mask("q=a%20b%2Fc%22d%2B%C3%A9&x")).isEqualTo("q=" + "*".repeat(22) + "&x");
    assertThat(mask.mask("q=a+b%2Fc%22d%2B%C3%A9&x")).isEqualTo("q=" + "*".repeat(20) + "&x");
    assertThat(mask.mask("{\"k\":\"a b/c\\\"d+é\"}"))
        .isEqualTo("{\"k\":\"" + "*".repeat(11) + "\"}");
    assertThat(mask.mask("{\"k\":\"a b\\/c\\\"d+é\"}"))
        .isEqualTo("{\"k\":\"" + "*".repeat(12) + "\"}");
  }

  @Test
  @DisplayName("leaves values shorter than 4 bytes alone: they would match ordinary text")
  void shortValues() {
    EchoMask mask = mask("abc", "");

    assertThat(mask.isEmpty()).isTrue();
    assertThat(mask.mask("abcabc")).isEqualTo("abcabc");
  }

  @Test
  @DisplayName("masks credentials in header values and keeps the names")
  void headers() {
    Headers headers =
        Headers.of(Map.of("X-Echo", "Bearer tok-98765", "Content-Type", "application/json"));

    Headers masked = mask("tok-98765").mask(headers);

    assertThat(masked.first("X-Echo")).contains("Bearer *********");
    assertThat(masked.first("Content-Type")).contains("application/json");
    assertThat(mask("tok-98765").mask(Headers.empty().add("A", "b")))
        .isEqualTo(Headers.empty().add("A", "b"));
  }

  @Test
  @DisplayName("combines masks: with() adds values, and an empty addition changes nothing")
  void combines() {
    EchoMask first = mask("first-value");
    EchoMask both = first.with(List.of(Secret.of("second-value")));

    assertThat(both.mask("first-value second-value")).isEqualTo("*********** ************");
    assertThat(first.with(List.of())).isSameAs(first);
    assertThat(first.with(EchoMask.NONE)).isSameAs(first);
    assertThat(EchoMask.NONE.with(first).mask("first-value")).isEqualTo("***********");
  }

  @Test
  @DisplayName("masks a Netty body chunk by chunk, a secret split across buffers included")
  void byteBufs() {
    EchoMask mask = mask("split-secret-value");
    Flux<ByteBuf> body =
        Flux.just("{\"v\":\"split-se", "cret-", "value\"}")
            .map(text -> Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));

    List<String> chunks =
        mask.byteBufs()
            .apply(body)
            .map(
                buffer -> {
                  String text = buffer.toString(StandardCharsets.UTF_8);
                  buffer.release();
                  return text;
                })
            .collectList()
            .block();

    assertThat(String.join("", chunks)).isEqualTo("{\"v\":\"" + "*".repeat(18) + "\"}");
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).isNotEmpty());
  }

  @Test
  @DisplayName("passes a Netty body through untouched when there is nothing to mask")
  void byteBufsEmpty() {
    ByteBuf buffer = Unpooled.copiedBuffer("x", StandardCharsets.UTF_8);
    Flux<ByteBuf> body = Flux.just(buffer);

    assertThat(EchoMask.NONE.byteBufs().apply(body).blockFirst()).isSameAs(buffer);
    buffer.release();
  }

  @Test
  @DisplayName("shows how many spellings it holds, never a value")
  void toStringHidesValues() {
    assertThat(mask("hidden-value-1").toString()).doesNotContain("hidden").startsWith("EchoMask[");
  }
}

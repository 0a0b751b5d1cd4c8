package dev.keyway.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ChunkMasker")
class ChunkMaskerTest {

  // Two of them overlap ("...ef12" / "ef12..."), one is inside another, lengths differ.
  private static final List<String> SECRETS =
      List.of(
          "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "abcdef12", "ef12ghij", "inner-key", "XXinner-keyXX");

  private static final EchoMask MASK = EchoMask.of(SECRETS.stream().map(Secret::of).toList());

  /** A body with secrets at random places, cut into random chunks (some empty, some 1 byte). */
  static Stream<Arguments> chunkings() {
    return IntStream.range(0, 300)
        .mapToObj(
            seed -> {
              Random random = new Random(seed);
              byte[] body = body(random);
              return Arguments.of(seed, body, cuts(random, body.length));
            });
  }

  private static byte[] body(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int parts = 1 + random.nextInt(12);
    for (int i = 0; i < parts; i++) {
      byte[] filler = new byte[random.nextInt(40)];
      for (int j = 0; j < filler.length; j++) {
        filler[j] = (byte) "{\"ab: ,}xyz/\\e1\n".charAt(random.nextInt(16));
      }
      out.writeBytes(filler);
      if (random.nextInt(4) > 0) {
        out.writeBytes(
            SECRETS.get(random.nextInt(SECRETS.size())).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static int[] cuts(Random random, int length) {
    int count = random.nextInt(Math.max(1, length));
    int[] cuts = new int[count];
    for (int i = 0; i < count; i++) {
      cuts[i] = random.nextInt(length + 1);
    }
    Arrays.sort(cuts);
    return cuts; // repeated cuts make empty chunks
  }

  /**
   * Masks the whole body the obvious way: every occurrence of every secret, found independently.
   */
  private static byte[] reference(byte[] body) {
    byte[] masked = body.clone();
    for (String secret : SECRETS) {
      byte[] value = secret.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i + value.length <= body.length; i++) {
        if (Arrays.equals(body, i, i + value.length, value, 0, value.length)) {
          Arrays.fill(masked, i, i + value.length, (byte) '*');
        }
      }
    }
    return masked;
  }

  private static byte[] stream(byte[] body, int[] cuts) {
    ChunkMasker masker = MASK.newChunkMasker();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int start = 0;
    for (int cut : cuts) {
      out.writeBytes(masker.next(Arrays.copyOfRange(body, start, cut)));
      start = cut;
    }
    out.writeBytes(masker.next(Arrays.copyOfRange(body, start, body.length)));
    out.writeBytes(masker.finish());
    return out.toByteArray();
  }

  @ParameterizedTest(name = "chunking #{0}")
  @MethodSource("chunkings")
  @DisplayName("masks every secret however the body is cut, as masking it whole would")
  void anyChunking(int seed, byte[] body, int[] cuts) {
    byte[] streamed = stream(body, cuts);

    assertThat(streamed).hasSameSizeAs(body);
    assertThat(new String(streamed, StandardCharsets.UTF_8))
        .isEqualTo(new String(reference(body), StandardCharsets.UTF_8));
    for (String secret : SECRETS) {
      assertThat(new String(streamed, StandardCharsets.UTF_8)).doesNotContain(secret);
    }
  }

  @Test
  @DisplayName("masks a secret split across two chunks, byte for byte")
  void splitAcrossTwoChunks() {
    String body = "{\"key\":\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"}";
    int middle = body.indexOf("sk_live") + 10;

    byte[] streamed = stream(body.getBytes(StandardCharsets.UTF_8), new int[] {middle});

    assertThat(new String(streamed, StandardCharsets.UTF_8))
        .isEqualTo("{\"key\":\"" + "*".repeat(32) + "\"}");
  }

  @Test
  @DisplayName("holds back fewer bytes than the longest secret, and sends the rest at the end")
  void holdsBackLessThanTheLongest() {
    ChunkMasker masker = MASK.newChunkMasker();
    byte[] chunk = new byte[100];
    Arrays.fill(chunk, (byte) 'a');

    byte[] first = masker.next(chunk);
    byte[] rest = masker.finish();

    assertThat(first).hasSize(100 - (MASK.longest() - 1));
    assertThat(rest).hasSize(MASK.longest() - 1);
    assertThat(MASK.longest()).isEqualTo(32);
  }

  @Test
  @DisplayName("never holds more than the longest secret less one, however small the chunks")
  void boundedCarry() {
    ChunkMasker masker = MASK.newChunkMasker();
    int sent = 0;
    for (int i = 0; i < 500; i++) {
      sent += masker.next(new byte[] {'q'}).length;
      assertThat(i + 1 - sent).isLessThanOrEqualTo(MASK.longest() - 1);
    }
  }

  @Test
  @DisplayName("passes chunks through unchanged when there is nothing to mask")
  void emptyMask() {
    ChunkMasker masker = EchoMask.NONE.newChunkMasker();
    byte[] chunk = "abc".getBytes(StandardCharsets.UTF_8);

    assertThat(masker.next(chunk)).isSameAs(chunk);
    assertThat(masker.finish()).isEmpty();
  }

  @Test
  @DisplayName("refuses chunks after the end of the body")
  void refusesAfterFinish() {
    ChunkMasker masker = MASK.newChunkMasker();
    masker.finish();

    assertThatThrownBy(() -> masker.next(new byte[1]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended");
  }

  @Test
  @DisplayName("a later, longer secret overlapping an already masked one is masked whole")
  void overlapAfterMask() {
    List<byte[]> out = new ArrayList<>();
    ChunkMasker masker = MASK.newChunkMasker();
    out.add(masker.next("__abcdef12".getBytes(StandardCharsets.UTF_8)));
    out.add(masker.next("ghij__".getBytes(StandardCharsets.UTF_8)));
    out.add(masker.finish());
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    out.forEach(all::writeBytes);

    assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo("__************__");
  }
}

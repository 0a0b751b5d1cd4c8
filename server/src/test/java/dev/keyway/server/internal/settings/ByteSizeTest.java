package dev.keyway.server.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ByteSize parses sizes in bytes with binary units")
class ByteSizeTest {

  @Test
  @DisplayName("numbers and units, any case, with or without a space")
  void parses() {
    assertThat(ByteSize.parse("4096")).contains(4096L);
    assertThat(ByteSize.parse("12B")).contains(12L);
    assertThat(ByteSize.parse("512KiB")).contains(512L * 1024);
    assertThat(ByteSize.parse("1 mib")).contains(1L << 20);
    assertThat(ByteSize.parse("16MB")).contains(16L << 20);
    assertThat(ByteSize.parse("2g")).contains(2L << 30);
  }

  @Test
  @DisplayName("zero, negatives, fractions, unknown units and overflow are refused")
  void refuses() {
    for (String text : List.of("0", "-1", "1.5MiB", "10 parsecs", "", "MiB", "999999999999GiB")) {
      assertThat(ByteSize.parse(text)).as(text).isEmpty();
    }
  }
}

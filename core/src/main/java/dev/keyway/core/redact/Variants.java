package dev.keyway.core.redact;

import dev.keyway.api.Secret;
import dev.keyway.spi.OutboundRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spells a secret value the ways it may show up in text: as it is, percent-encoded for a URL query
 * (RFC 3986, and with {@code +} for spaces as HTML forms do), and escaped inside a JSON string.
 */
final class Variants {

  private Variants() {}

  /** Returns the UTF-8 bytes of every spelling of every value. */
  static List<byte[]> of(Collection<Secret> secrets) {
    List<byte[]> all = new ArrayList<>();
    for (Secret secret : secrets) {
      for (String spelling : spellings(secret.reveal())) {
        all.add(spelling.getBytes(StandardCharsets.UTF_8));
      }
    }
    return all;
  }

  private static Set<String> spellings(String value) {
    Set<String> spellings = new LinkedHashSet<>();
    spellings.add(value);
    spellings.add(OutboundRequest.encodeQueryComponent(value));
    spellings.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    String json = jsonEscaped(value);
    spellings.add(json);
    spellings.add(json.replace("/", "\\/"));
    return spellings;
  }

  private static String jsonEscaped(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

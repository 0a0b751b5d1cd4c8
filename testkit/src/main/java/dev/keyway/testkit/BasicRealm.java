package dev.keyway.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Accepts {@code Authorization: Basic base64(user-id:password)} as RFC 7617 defines it: the
 * credentials are UTF-8 (the realm's challenge says {@code charset="UTF-8"}), and they are split at
 * the first colon, as a user-id cannot hold one but a password can.
 */
final class BasicRealm implements Realm {

  private static final String SCHEME = "basic ";

  private final String username;
  private final String password;

  BasicRealm(String username, String password) {
    this.username = username;
    this.password = password;
  }

  String username() {
    return username;
  }

  String password() {
    return password;
  }

  @Override
  public String name() {
    return "basic";
  }

  @Override
  public boolean accepts(RecordedRequest request) {
    List<String> values = request.headers().all("Authorization");
    if (values.size() != 1) {
      return false;
    }
    String value = values.get(0);
    // The scheme name is case-insensitive (RFC 9110 §11.1).
    if (!value.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      return false;
    }
    String credentials = decode(value.substring(SCHEME.length()).strip());
    int colon = credentials == null ? -1 : credentials.indexOf(':');
    if (colon < 0) {
      return false;
    }
    boolean user = Credentials.matches(username, credentials.substring(0, colon));
    boolean pass = Credentials.matches(password, credentials.substring(colon + 1));
    return user & pass;
  }

  /** Returns the decoded user-pass, or {@code null} if it is not base64 of UTF-8 text. */
  private static String decode(String token68) {
    try {
      byte[] bytes = Base64.getDecoder().decode(token68);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return null;
    }
  }

  @Override
  public String challenge() {
    return "Basic realm=\"sandbox\", charset=\"UTF-8\"";
  }
}

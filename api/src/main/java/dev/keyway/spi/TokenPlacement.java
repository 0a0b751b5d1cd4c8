package dev.keyway.spi;

import dev.keyway.api.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an access token goes on each request: a header with a prefix ({@code Authorization: Bearer
 * <token>} by default, RFC 6750 §2.1) or a query parameter (§2.3). It can also find the token again
 * in a request it placed it in, which is how core tells whether the token an upstream refused is
 * still the cached one.
 *
 * <p>Immutable.
 */
public final class TokenPlacement {

  private final boolean header;
  private final String name;
  private final String prefix;

  private TokenPlacement(boolean header, String name, String prefix) {
    this.header = header;
    this.name = Objects.requireNonNull(name, "name");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  /** Returns {@code Authorization: Bearer <token>}. */
  public static TokenPlacement bearer() {
    return header("Authorization", "Bearer ");
  }

  /** Returns header {@code name} holding {@code prefix} followed by the token. */
  public static TokenPlacement header(String name, String prefix) {
    if (!Headers.isValidName(name)) {
      throw new IllegalArgumentException("not a valid header name");
    }
    return new TokenPlacement(true, name, prefix);
  }

  /** Returns query parameter {@code name} holding the token. */
  public static TokenPlacement query(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("the query parameter needs a name");
    }
    return new TokenPlacement(false, name, "");
  }

  /** Returns {@code request} with {@code token}'s access token in place. */
  public OutboundRequest place(OutboundRequest request, Token token) {
    String value = prefix + token.accessToken().reveal();
    return header ? request.withHeader(name, value) : request.withQueryParameter(name, value);
  }

  /** Returns the access token this placement put in {@code sent}, if it is there. */
  public Optional<Secret> find(OutboundRequest sent) {
    Optional<String> value =
        header
            ? sent.headers().first(name)
            : sent.query().stream()
                .filter(field -> field.name().equals(name))
                .map(FormField::value)
                .findFirst();
    return value
        .filter(text -> text.startsWith(prefix) && text.length() > prefix.length())
        .map(text -> Secret.of(text.substring(prefix.length())));
  }

  @Override
  public String toString() {
    return header ? "TokenPlacement[header " + name + "]" : "TokenPlacement[query " + name + "]";
  }
}

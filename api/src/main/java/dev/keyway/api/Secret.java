package dev.keyway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Holds a credential: an API key, a password, a client secret, a token.
 *
 * <p>A {@code Secret} never shows its value by accident. {@link #toString()} is masked, {@link
 * #equals(Object)} and {@link #hashCode()} are identity-based (a content hash would be an oracle),
 * it is not {@link java.io.Serializable}, and it has no bean-style getter, so Jackson refuses to
 * serialize it. The only way to read the value is {@link #reveal()}, a name that stands out in a
 * review. Compare two secrets with {@link #matches(Secret)}, which takes constant time.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Secret {

  private static final String MASK = "Secret[****]";

  private final byte[] utf8;

  private Secret(byte[] utf8) {
    this.utf8 = utf8;
  }

  /** Wraps a value. An empty value is allowed (some APIs use an empty password). */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the value in clear text. Call it only where the value leaves for the upstream. */
  public String reveal() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** Returns a copy of the value as UTF-8 bytes. */
  public byte[] revealBytes() {
    return utf8.clone();
  }

  /** Returns whether both secrets hold the same value, in time independent of where they differ. */
  public boolean matches(Secret other) {
    return other != null && MessageDigest.isEqual(utf8, other.utf8);
  }

  /** Returns whether the value is empty. */
  public boolean isEmpty() {
    return utf8.length == 0;
  }

  /** Returns a secret holding this value with {@code prefix} in front, e.g. {@code "Bearer "}. */
  public Secret withPrefix(String prefix) {
    return of(prefix + reveal());
  }

  @Override
  public String toString() {
    return MASK;
  }
}

package dev.keyway.core.redact;

import dev.keyway.api.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Knows the secret values of this process and masks them in text: every secret value a
 * configuration loaded (registered by the loader and by core as it builds each collection's auth
 * method) and every token as core's token cache issues it. Keyway's loggers ({@link
 * dev.keyway.core.log.KeywayLoggers}) pass each message and throwable through {@link #global()}
 * before any logging backend sees it.
 *
 * <p>Each value is masked as it is, percent-encoded (as in a URL's query) and JSON-escaped, with
 * one {@code *} per byte. Values shorter than 4 bytes are not masked: they would match by chance.
 * Configured values are kept for the life of the process (a value loaded once may still be in a log
 * line later); issued tokens are kept for the {@value #ISSUED_CAPACITY} most recent ones.
 *
 * <p>Thread-safe. Masking reads an immutable snapshot and takes no lock; registering rebuilds the
 * snapshot, so it belongs at load time and at token issuance, not on every request.
 */
public final class Redactor {

  /** How many issued tokens the global redactor remembers, most recent first. */
  public static final int ISSUED_CAPACITY = 4096;

  private static final Redactor GLOBAL = new Redactor(ISSUED_CAPACITY);
  private static final byte MASK = '*';

  private final int issuedCapacity;
  private final Map<String, Secret> configured = new LinkedHashMap<>(); // guarded by this
  private final Map<String, Secret> issued; // guarded by this
  private volatile SecretMatcher matcher = SecretMatcher.EMPTY;

  Redactor(int issuedCapacity) {
    this.issuedCapacity = issuedCapacity;
    this.issued =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Secret> eldest) {
            return size() > Redactor.this.issuedCapacity;
          }
        };
  }

  /** Returns the redactor of this process, which Keyway's loggers use. */
  public static Redactor global() {
    return GLOBAL;
  }

  /** Adds configured secret values (from {@code ${secret:...}} or secret auth settings). */
  public void register(Collection<Secret> values) {
    Objects.requireNonNull(values, "values");
    synchronized (this) {
      boolean added = false;
      for (Secret value : values) {
        added |= configured.putIfAbsent(value.reveal(), value) == null;
      }
      if (added) {
        rebuild();
      }
    }
  }

  /** Adds a value issued at run time: an access or refresh token. */
  public void registerIssued(Secret value) {
    Objects.requireNonNull(value, "value");
    synchronized (this) {
      if (issued.put(value.reveal(), value) == null) {
        rebuild();
      }
    }
  }

  private void rebuild() {
    List<Secret> all = new ArrayList<>(configured.values());
    all.addAll(issued.values());
    matcher = SecretMatcher.of(Variants.of(all));
  }

  /**
   * Returns the configured values found in any of {@code texts}: given a collection's configured
   * texts, the secret values that collection uses, for its {@link EchoMask}.
   */
  public List<Secret> configuredIn(Collection<String> texts) {
    List<Secret> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(configured.values());
    }
    List<Secret> found = new ArrayList<>();
    for (Secret secret : snapshot) {
      String value = secret.reveal();
      if (value.length() >= SecretMatcher.SHORTEST
          && texts.stream().anyMatch(t -> t.contains(value))) {
        found.add(secret);
      }
    }
    return found;
  }

  /** Returns {@code text} with every known value masked; the same instance when none is in it. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    SecretMatcher current = matcher;
    if (current.isEmpty()) {
      return text;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Ranges found = new Ranges();
    current.find(bytes, 0, bytes.length, found);
    if (found.isEmpty()) {
      return text;
    }
    found.maskIn(bytes, 0, MASK);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Returns whether {@code text} holds any known value. */
  public boolean holdsSecret(String text) {
    return text != null && matcher.anyIn(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns {@code thrown} itself when no message, {@code toString()}, cause or suppressed
   * throwable of it holds a known value; otherwise a copy with the same class name, stack trace and
   * chain in which every value is masked.
   */
  public Throwable redact(Throwable thrown) {
    if (thrown == null || matcher.isEmpty() || !holdsSecret(thrown)) {
      return thrown;
    }
    return copy(thrown, new IdentityHashMap<>());
  }

  private boolean holdsSecret(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> pending = new ArrayList<>(List.of(thrown));
    while (!pending.isEmpty()) {
      Throwable next = pending.remove(pending.size() - 1);
      if (!seen.add(next)) {
        continue;
      }
      if (holdsSecret(next.getMessage())
          || holdsSecret(next.getLocalizedMessage())
          || holdsSecret(next.toString())) {
        return true;
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      pending.addAll(List.of(next.getSuppressed()));
    }
    return false;
  }

  private Throwable copy(Throwable original, Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(original);
    if (done != null) {
      return done;
    }
    RedactedThrowable copy =
        new RedactedThrowable(redact(original.toString()), redact(original.getMessage()));
    copies.put(original, copy);
    copy.setStackTrace(original.getStackTrace());
    if (original.getCause() != null) {
      copy.initCause(copy(original.getCause(), copies));
    }
    for (Throwable suppressed : original.getSuppressed()) {
      copy.addSuppressed(copy(suppressed, copies));
    }
    return copy;
  }

  @Override
  public String toString() {
    synchronized (this) {
      return "Redactor[" + configured.size() + " configured, " + issued.size() + " issued]";
    }
  }
}

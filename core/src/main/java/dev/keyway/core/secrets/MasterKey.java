package dev.keyway.core.secrets;

import dev.keyway.api.Secret;
import dev.keyway.core.internal.secrets.Aes256Gcm;
import dev.keyway.core.internal.secrets.AtomicFile;
import dev.keyway.core.log.KeywayLoggers;
import dev.keyway.core.redact.Redactor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.slf4j.Logger;

/**
 * The 256-bit key that wraps the data keys of an {@link EncryptedFileSecretStore}. It comes, by
 * precedence, from {@value #ENVIRONMENT_VARIABLE} (base64 of 32 bytes), from the file named by
 * {@value #FILE_VARIABLE}, or from {@value #DEFAULT_FILE_NAME} beside the configuration; {@link
 * #createFile(Path)} makes a new one ({@code keyway secrets init}).
 *
 * <p>Its {@link #id()} ({@code mk-} and 16 hex digits) is derived from the key by SHA-256, so a
 * file can say which master key wrapped it without holding anything that helps to guess the key.
 * {@link #toString()} shows the id and where the key came from, never the key.
 *
 * <p>Immutable and thread-safe.
 */
public final class MasterKey {

  /** The environment variable holding a master key: base64 of 32 random bytes. */
  public static final String ENVIRONMENT_VARIABLE = "KEYWAY_MASTER_KEY";

  /** The environment variable naming a master key file. */
  public static final String FILE_VARIABLE = "KEYWAY_MASTER_KEY_FILE";

  /** The key file looked for beside the configuration when neither variable is set. */
  public static final String DEFAULT_FILE_NAME = "keyway.master.key";

  private static final Logger LOG = KeywayLoggers.getLogger(MasterKey.class);
  private static final String HOW_TO_MAKE =
      "; make one with keyway secrets init, or: openssl rand -base64 32";
  private static final byte[] ID_CONTEXT =
      "keyway master key id\0".getBytes(StandardCharsets.UTF_8);

  private final byte[] key;
  private final String id;
  private final String source;

  private MasterKey(byte[] key, String source) {
    this.key = key;
    this.id = deriveId(key);
    this.source = source;
    // Never logged by Keyway; known to the redactor all the same, should anything quote it.
    Redactor.global().register(List.of(Secret.of(revealBase64())));
  }

  /** Returns a new random key; its source reads "generated". */
  public static MasterKey generate() {
    return new MasterKey(Aes256Gcm.newKey(), "generated");
  }

  /**
   * Returns the key whose base64 text (standard or URL-safe alphabet, surrounding white space
   * ignored) is {@code base64}; {@code source} says where it came from, for messages.
   *
   * @throws SecretStoreException if the text is not base64 of exactly 32 bytes (the message names
   *     the source, never the text)
   */
  public static MasterKey fromBase64(String base64, String source) {
    Objects.requireNonNull(base64, "base64");
    Objects.requireNonNull(source, "source");
    String text = base64.strip();
    byte[] key;
    try {
      key =
          text.indexOf('-') >= 0 || text.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(text)
              : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new SecretStoreException(source + ": the master key is not base64" + HOW_TO_MAKE);
    }
    if (key.length != Aes256Gcm.KEY_BYTES) {
      throw new SecretStoreException(
          source
              + ": the master key is "
              + key.length
              + " bytes; it must be 32 (256 bits)"
              + HOW_TO_MAKE);
    }
    return new MasterKey(key, source);
  }

  /**
   * Reads the key in {@code file} (its base64 text). Logs a warning naming the file when users
   * other than its owner may read it.
   *
   * @throws SecretStoreException if the file cannot be read or holds no valid key
   */
  public static MasterKey readFile(Path file) {
    String source = "key file " + file.toAbsolutePath();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new SecretStoreException(source + ": file not found" + HOW_TO_MAKE);
    } catch (AccessDeniedException e) {
      throw new SecretStoreException(source + ": permission denied");
    } catch (IOException e) {
      throw new SecretStoreException(
          source + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    warnIfShared(file, source);
    return fromBase64(text, source);
  }

  /**
   * Creates {@code file} holding a new random key, readable and writable by its owner only (0600),
   * and returns the key. This is {@code keyway secrets init}.
   *
   * @throws SecretStoreException if the file already exists (it is never overwritten: values sealed
   *     under it would be lost) or cannot be written
   */
  public static MasterKey createFile(Path file) {
    Path absolute = file.toAbsolutePath();
    MasterKey created = new MasterKey(Aes256Gcm.newKey(), "key file " + absolute);
    byte[] text = (created.revealBase64() + "\n").getBytes(StandardCharsets.US_ASCII);
    try (FileChannel channel =
        FileChannel.open(
            absolute,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            AtomicFile.ownerOnly(absolute.getParent()))) {
      ByteBuffer buffer = ByteBuffer.wrap(text);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (FileAlreadyExistsException e) {
      throw new SecretStoreException(
          absolute
              + " already exists; it is not replaced, since values sealed under it would be lost"
              + " (rotate a master key with keyway secrets rotate-master-key)");
    } catch (IOException e) {
      throw new SecretStoreException(
          "cannot create the master key file "
              + absolute
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return created;
  }

  /**
   * Replaces the contents of {@code file} with this key, atomically and with owner-only
   * permissions. Used when rotating: write the new key to a new file first, rotate the store, then
   * move it into place, so no step can lose the key the file is sealed with.
   */
  public void writeFile(Path file) {
    try {
      AtomicFile.write(
          file,
          (revealBase64() + "\n").getBytes(StandardCharsets.US_ASCII),
          AtomicFile.BeforeRename.NOTHING);
    } catch (IOException e) {
      throw new SecretStoreException(
          "cannot write the master key file "
              + file.toAbsolutePath()
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /**
   * Finds the master key: {@value #ENVIRONMENT_VARIABLE}, else the file named by {@value
   * #FILE_VARIABLE}, else {@code defaultFile} (normally {@value #DEFAULT_FILE_NAME} beside the
   * configuration). Reads variables with {@code environmentVariables}, which returns {@code null}
   * for one that is not set.
   *
   * @throws SecretStoreException naming every place looked at and how to make a key, if there is
   *     none
   */
  public static MasterKey locate(Function<String, String> environmentVariables, Path defaultFile) {
    String inline = environmentVariables.apply(ENVIRONMENT_VARIABLE);
    if (inline != null && !inline.isBlank()) {
      return fromBase64(inline, ENVIRONMENT_VARIABLE);
    }
    String named = environmentVariables.apply(FILE_VARIABLE);
    if (named != null && !named.isBlank()) {
      return readFile(Path.of(named.strip()));
    }
    if (Files.exists(defaultFile)) {
      return readFile(defaultFile);
    }
    throw new SecretStoreException(
        "no master key: set "
            + ENVIRONMENT_VARIABLE
            + " (base64 of 32 bytes), or "
            + FILE_VARIABLE
            + " to a key file, or create "
            + defaultFile.toAbsolutePath()
            + " with keyway secrets init");
  }

  private static void warnIfShared(Path file, String source) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = view.readAttributes().permissions();
      if (permissions.stream()
          .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
        LOG.warn("{}: other users may read the master key; restrict it with chmod 600", source);
      }
    } catch (IOException e) {
      // The key was readable; its permissions only decide whether to warn.
    }
  }

  private static String deriveId(byte[] key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(ID_CONTEXT);
      byte[] digest = sha256.digest(key);
      return "mk-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** Returns the key's id, {@code mk-} and 16 hex digits, derived from the key. */
  public String id() {
    return id;
  }

  /** Returns where the key came from: {@code KEYWAY_MASTER_KEY}, or {@code key file /path}. */
  public String source() {
    return source;
  }

  /** Returns the key as base64, to store it somewhere. Never log it. */
  public String revealBase64() {
    return Base64.getEncoder().encodeToString(key);
  }

  SecretKey secretKey() {
    return Aes256Gcm.key(key);
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + " from " + source + "]";
  }
}

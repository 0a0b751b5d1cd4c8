package dev.keyway.core.secrets;

import dev.keyway.api.Environment;
import dev.keyway.api.Secret;
import dev.keyway.core.internal.secrets.Aes256Gcm;
import dev.keyway.core.internal.secrets.AtomicFile;
import dev.keyway.core.internal.secrets.SecretsDocument;
import dev.keyway.core.internal.secrets.SecretsDocument.SealedValue;
import dev.keyway.core.internal.secrets.SecretsDocument.WrappedDataKey;
import dev.keyway.core.internal.secrets.SecretsFileFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * The default {@link SecretStore}: one JSON file, normally {@value #DEFAULT_FILE_NAME} beside the
 * configuration, holding every value encrypted.
 *
 * <p>Envelope encryption: each value is sealed with AES-256-GCM under a random 256-bit data key,
 * with a fresh random 96-bit nonce per encryption and, as authenticated data, the value's name,
 * environment and data key id — so a ciphertext altered by one bit, or copied to another name or
 * environment, does not decrypt and {@link #find} fails loudly. Each data key is itself sealed
 * (wrapped) under the {@link MasterKey}, with its own id and the master key's id as authenticated
 * data, and every value record names the data key it was sealed with. {@link #rotateMasterKey}
 * re-wraps the data keys under a new master key and starts a new data key for new values, without
 * touching the values: the file never holds a value the store cannot read.
 *
 * <pre>{@code
 * EncryptedFileSecretStore store = EncryptedFileSecretStore.besideConfig(configFile, System::getenv);
 * store.put("stripe.live", Environment.LIVE, Secret.of(key));
 * Keyway keyway = Keyway.builder().configFile(configFile).secrets(store).build();
 * }</pre>
 *
 * <p>Every change is written atomically (a temporary file in the same directory, forced to disk,
 * then renamed over the old one), so a crash leaves the previous file whole. Changes from several
 * threads or processes are serialized by a lock on {@code NAME.lock} beside the file. Reads take no
 * lock: they see the file before or after a change, never half of one. The master key is looked up
 * the first time a value is sealed or opened, so a configuration without secrets needs none.
 *
 * <p>Immutable and thread-safe.
 */
public final class EncryptedFileSecretStore implements SecretStore {

  /** The file name used beside the configuration. */
  public static final String DEFAULT_FILE_NAME = "keyway.secrets.json";

  private static final String VALUE_CONTEXT = "keyway-secrets/1/value";
  private static final String DATA_KEY_CONTEXT = "keyway-secrets/1/data-key";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final MasterKeyHolder masterKey;
  private final Clock clock;
  private final AtomicFile.BeforeRename beforeRename;

  private EncryptedFileSecretStore(
      Path file, MasterKeyHolder masterKey, Clock clock, AtomicFile.BeforeRename beforeRename) {
    this.file = file.toAbsolutePath().normalize();
    this.masterKey = masterKey;
    this.clock = clock;
    this.beforeRename = beforeRename;
  }

  /**
   * Returns the store in {@code file}, sealed with {@code masterKey}. The file may not exist yet.
   */
  public static EncryptedFileSecretStore open(Path file, MasterKey masterKey) {
    Objects.requireNonNull(masterKey, "masterKey");
    return open(file, () -> masterKey);
  }

  /**
   * Returns the store in {@code file}, whose master key {@code masterKey} supplies the first time
   * one is needed (it may throw a {@link SecretStoreException} saying how to provide one).
   */
  public static EncryptedFileSecretStore open(Path file, Supplier<MasterKey> masterKey) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(masterKey, "masterKey");
    return new EncryptedFileSecretStore(
        file, new MasterKeyHolder(masterKey), Clock.systemUTC(), AtomicFile.BeforeRename.NOTHING);
  }

  /**
   * Returns the store {@value #DEFAULT_FILE_NAME} beside {@code configFile}, with the master key
   * {@link MasterKey#locate located} from {@code environmentVariables} or {@value
   * MasterKey#DEFAULT_FILE_NAME} beside the configuration.
   */
  public static EncryptedFileSecretStore besideConfig(
      Path configFile, Function<String, String> environmentVariables) {
    Path directory = configFile.toAbsolutePath().getParent();
    return open(
        directory.resolve(DEFAULT_FILE_NAME),
        () ->
            MasterKey.locate(environmentVariables, directory.resolve(MasterKey.DEFAULT_FILE_NAME)));
  }

  /** Returns a copy that dates changes with {@code newClock}. */
  public EncryptedFileSecretStore withClock(Clock newClock) {
    return new EncryptedFileSecretStore(
        file, masterKey, Objects.requireNonNull(newClock, "newClock"), beforeRename);
  }

  /** Returns a copy that runs {@code step} between writing a temporary file and renaming it. */
  EncryptedFileSecretStore withBeforeRename(AtomicFile.BeforeRename step) {
    return new EncryptedFileSecretStore(file, masterKey, clock, Objects.requireNonNull(step));
  }

  /** Returns the file, absolute. */
  public Path file() {
    return file;
  }

  /**
   * Returns the master key this store seals with, looking it up if it was not yet.
   *
   * @throws SecretStoreException if there is none
   */
  public MasterKey masterKey() {
    return masterKey.get();
  }

  @Override
  public Optional<Secret> find(String name, Environment environment) {
    SecretStore.checkName(name);
    Objects.requireNonNull(environment, "environment");
    SecretsDocument document = read();
    Optional<SealedValue> found = document.value(name, environment);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SealedValue value = found.get();
    WrappedDataKey dataKey =
        document
            .dataKey(value.keyId())
            .orElseThrow(
                () ->
                    new SecretStoreException(
                        describe(value)
                            + " names data key "
                            + value.keyId()
                            + ", which the file does not hold; the file is damaged; "
                            + setAgain(value)));
    byte[] plain;
    try {
      plain =
          Aes256Gcm.open(
              unwrap(dataKey, masterKey.get()),
              value.sealed(),
              valueContext(name, environment, value.keyId()));
    } catch (AEADBadTagException e) {
      throw new SecretStoreException(
          describe(value)
              + " does not decrypt: its record was altered, or copied from another name or"
              + " environment; "
              + setAgain(value));
    }
    Secret secret = Secret.of(new String(plain, StandardCharsets.UTF_8));
    Arrays.fill(plain, (byte) 0);
    return Optional.of(secret);
  }

  @Override
  public void put(String name, Environment environment, Secret value) {
    SecretStore.checkName(name);
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(value, "value");
    change(
        document -> {
          MasterKey key = masterKey.get();
          SecretsDocument updated = document;
          WrappedDataKey active = document.activeDataKey().flatMap(document::dataKey).orElse(null);
          if (active == null) {
            active = newDataKey(key);
            updated = document.withActiveDataKey(active);
          }
          byte[] plain = value.revealBytes();
          Aes256Gcm.Sealed sealed =
              Aes256Gcm.seal(
                  unwrap(active, key), plain, valueContext(name, environment, active.id()));
          Arrays.fill(plain, (byte) 0);
          return updated.withValue(
              new SealedValue(name, environment, active.id(), clock.instant(), sealed));
        });
  }

  @Override
  public boolean delete(String name, Environment environment) {
    SecretStore.checkName(name);
    Objects.requireNonNull(environment, "environment");
    AtomicBoolean removed = new AtomicBoolean();
    change(
        document -> {
          removed.set(document.value(name, environment).isPresent());
          return removed.get() ? document.without(name, environment) : document;
        });
    return removed.get();
  }

  @Override
  public List<SecretMetadata> list() {
    return read().values().stream()
        .map(value -> new SecretMetadata(value.name(), value.environment(), value.changed()))
        .toList();
  }

  /**
   * Re-wraps every data key in use under {@code newKey}, starts a new data key for the values
   * written from now on, and returns the store bound to {@code newKey}. Values are not re-sealed:
   * each one written before stays readable under its data key, and one written after carries the
   * new data key's id. The file is replaced in one atomic step; until then, and if anything fails,
   * the file stays sealed under the old master key.
   *
   * <p>Keep the new key before calling this (write it with {@link MasterKey#writeFile} to a new
   * file, or note it for {@value MasterKey#ENVIRONMENT_VARIABLE}): afterwards the old key opens
   * nothing. A running gateway keeps the values it loaded; restart it with the new key.
   *
   * @throws SecretStoreException if the current master key cannot open a data key
   * @throws IllegalArgumentException if {@code newKey} is the master key in use
   */
  public EncryptedFileSecretStore rotateMasterKey(MasterKey newKey) {
    Objects.requireNonNull(newKey, "newKey");
    MasterKey old = masterKey.get();
    if (old.id().equals(newKey.id())) {
      throw new IllegalArgumentException("the new master key is the one already in use");
    }
    change(
        document -> {
          if (document.dataKeys().isEmpty()) {
            return document;
          }
          Set<String> inUse =
              document.values().stream().map(SealedValue::keyId).collect(Collectors.toSet());
          List<WrappedDataKey> keys = new ArrayList<>();
          keys.add(newDataKey(newKey));
          for (WrappedDataKey dataKey : document.dataKeys()) {
            if (inUse.contains(dataKey.id())) {
              keys.add(wrap(dataKey.id(), dataKey.created(), unwrap(dataKey, old), newKey));
            }
          }
          return document.withDataKeys(keys);
        });
    return new EncryptedFileSecretStore(
        file, new MasterKeyHolder(() -> newKey), clock, beforeRename);
  }

  private SecretsDocument read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return SecretsDocument.empty();
    } catch (AccessDeniedException e) {
      throw new SecretStoreException(file + ": permission denied");
    } catch (IOException e) {
      throw new SecretStoreException(
          file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
    return SecretsFileFormat.read(bytes, file.toString());
  }

  private void change(UnaryOperator<SecretsDocument> change) {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    synchronized (LOCKS.computeIfAbsent(file, path -> new Object())) {
      try (FileChannel channel =
          FileChannel.open(
              lockFile,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              AtomicFile.ownerOnly(file.getParent()))) {
        channel.lock(); // released when the channel closes
        SecretsDocument before = read();
        SecretsDocument after = change.apply(before);
        if (after != before) {
          AtomicFile.write(file, SecretsFileFormat.write(after), beforeRename);
        }
      } catch (IOException e) {
        throw new SecretStoreException(
            file
                + ": cannot be written ("
                + e.getClass().getSimpleName()
                + "); the previous contents are unchanged",
            e);
      }
    }
  }

  private WrappedDataKey newDataKey(MasterKey key) {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    byte[] dataKey = Aes256Gcm.newKey();
    WrappedDataKey wrapped =
        wrap("dk-" + HexFormat.of().formatHex(id), clock.instant(), Aes256Gcm.key(dataKey), key);
    Arrays.fill(dataKey, (byte) 0);
    return wrapped;
  }

  private static WrappedDataKey wrap(
      String id, java.time.Instant created, SecretKey dataKey, MasterKey key) {
    byte[] plain = dataKey.getEncoded();
    Aes256Gcm.Sealed sealed = Aes256Gcm.seal(key.secretKey(), plain, dataKeyContext(id, key.id()));
    Arrays.fill(plain, (byte) 0);
    return new WrappedDataKey(id, key.id(), created, sealed);
  }

  private SecretKey unwrap(WrappedDataKey dataKey, MasterKey key) {
    if (!dataKey.masterKeyId().equals(key.id())) {
      throw new SecretStoreException(
          file
              + ": data key "
              + dataKey.id()
              + " is wrapped by master key "
              + dataKey.masterKeyId()
              + ", but the master key in use ("
              + key.source()
              + ") is "
              + key.id()
              + "; give the master key this file was written with");
    }
    byte[] plain;
    try {
      plain =
          Aes256Gcm.open(
              key.secretKey(), dataKey.wrapped(), dataKeyContext(dataKey.id(), key.id()));
    } catch (AEADBadTagException e) {
      throw new SecretStoreException(
          file
              + ": data key "
              + dataKey.id()
              + " does not decrypt with master key "
              + key.id()
              + ": the file was altered; restore it from a backup");
    }
    if (plain.length != Aes256Gcm.KEY_BYTES) {
      throw new SecretStoreException(
          file + ": data key " + dataKey.id() + " is not 256 bits; the file is damaged");
    }
    SecretKey secretKey = Aes256Gcm.key(plain);
    Arrays.fill(plain, (byte) 0);
    return secretKey;
  }

  private static byte[] valueContext(String name, Environment environment, String keyId) {
    return String.join("\0", VALUE_CONTEXT, name, environment.configName(), keyId)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] dataKeyContext(String id, String masterKeyId) {
    return String.join("\0", DATA_KEY_CONTEXT, id, masterKeyId).getBytes(StandardCharsets.UTF_8);
  }

  private String describe(SealedValue value) {
    return file + ": secret " + value.name() + " (" + value.environment().configName() + ")";
  }

  private static String setAgain(SealedValue value) {
    return "set it again with keyway secrets set "
        + value.name()
        + " --env "
        + value.environment().configName();
  }

  @Override
  public String toString() {
    return "EncryptedFileSecretStore[" + file + "]";
  }

  /** Looks the master key up once, when it is first needed; a failed lookup is tried again. */
  private static final class MasterKeyHolder {
    private final Supplier<MasterKey> supplier;
    private volatile MasterKey key;

    MasterKeyHolder(Supplier<MasterKey> supplier) {
      this.supplier = supplier;
    }

    MasterKey get() {
      MasterKey found = key;
      if (found == null) {
        found = Objects.requireNonNull(supplier.get(), "the master key supplier returned null");
        key = found;
      }
      return found;
    }
  }
}

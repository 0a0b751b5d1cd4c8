package dev.keyway.core.internal.secrets;

import dev.keyway.api.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of a secrets file: data keys wrapped by a master key, the data key new values are
 * sealed with, and the sealed values. Immutable; every change returns a new document with values
 * sorted by name and environment, so the file diffs well.
 */
public record SecretsDocument(
    Optional<String> activeDataKey, List<WrappedDataKey> dataKeys, List<SealedValue> values) {

  /** A data key sealed by a master key. */
  public record WrappedDataKey(
      String id, String masterKeyId, Instant created, Aes256Gcm.Sealed wrapped) {}

  /** One secret value sealed by a data key, with what it is bound to. */
  public record SealedValue(
      String name,
      Environment environment,
      String keyId,
      Instant changed,
      Aes256Gcm.Sealed sealed) {}

  private static final Comparator<SealedValue> ORDER =
      Comparator.comparing(SealedValue::name).thenComparing(SealedValue::environment);

  public SecretsDocument {
    Objects.requireNonNull(activeDataKey, "activeDataKey");
    dataKeys = List.copyOf(dataKeys);
    values = values.stream().sorted(ORDER).toList();
  }

  /** Returns a document with no key and no value. */
  public static SecretsDocument empty() {
    return new SecretsDocument(Optional.empty(), List.of(), List.of());
  }

  /** Returns the value stored for {@code name} in {@code environment}. */
  public Optional<SealedValue> value(String name, Environment environment) {
    return values.stream()
        .filter(value -> value.name().equals(name) && value.environment() == environment)
        .findFirst();
  }

  /** Returns the data key {@code id}. */
  public Optional<WrappedDataKey> dataKey(String id) {
    return dataKeys.stream().filter(key -> key.id().equals(id)).findFirst();
  }

  /**
   * Returns a copy holding {@code value} in place of any value of the same name and environment.
   */
  public SecretsDocument withValue(SealedValue value) {
    List<SealedValue> copy = new ArrayList<>(without(value.name(), value.environment()).values);
    copy.add(value);
    return new SecretsDocument(activeDataKey, dataKeys, copy);
  }

  /** Returns a copy without the value of {@code name} in {@code environment}. */
  public SecretsDocument without(String name, Environment environment) {
    return new SecretsDocument(
        activeDataKey,
        dataKeys,
        values.stream()
            .filter(value -> !(value.name().equals(name) && value.environment() == environment))
            .toList());
  }

  /** Returns a copy with {@code key} added and made the one new values are sealed with. */
  public SecretsDocument withActiveDataKey(WrappedDataKey key) {
    List<WrappedDataKey> keys = new ArrayList<>(dataKeys);
    keys.add(key);
    return new SecretsDocument(Optional.of(key.id()), keys, values);
  }

  /** Returns a copy whose data keys are exactly {@code keys}, the first one active. */
  public SecretsDocument withDataKeys(List<WrappedDataKey> keys) {
    return new SecretsDocument(Optional.of(keys.get(0).id()), keys, values);
  }
}

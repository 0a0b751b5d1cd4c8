package dev.keyway.core.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every occurrence of a fixed set of byte strings (secret values) in a buffer.
 *
 * <p>Values are indexed by their first two bytes: a bit set of those prefixes rejects a position
 * that starts no value with one bit test, whatever the number of values. Values shorter than {@link
 * #SHORTEST} are dropped: they would match by chance and corrupt ordinary text.
 *
 * <p>Immutable and thread-safe.
 */
final class SecretMatcher {

  /** Values shorter than this many bytes are not looked for. */
  static final int SHORTEST = 4;

  static final SecretMatcher EMPTY = new SecretMatcher(List.of());

  private final List<byte[]> values;
  private final long[] prefixes = new long[1024]; // one bit per two-byte prefix that starts a value
  private final byte[][][] buckets;
  private final int mask;
  private final int longest;

  private SecretMatcher(List<byte[]> values) {
    this.values = values;
    int size = Integer.highestOneBit(Math.max(16, values.size() * 4) - 1) << 1;
    this.mask = size - 1;
    List<List<byte[]>> lists = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      lists.add(null);
    }
    int max = 0;
    for (byte[] value : values) {
      int prefix = prefix(value[0], value[1]);
      prefixes[prefix >>> 6] |= 1L << prefix;
      int bucket = hash(value[0], value[1]) & mask;
      if (lists.get(bucket) == null) {
        lists.set(bucket, new ArrayList<>(2));
      }
      lists.get(bucket).add(value);
      max = Math.max(max, value.length);
    }
    this.buckets = new byte[size][][];
    for (int i = 0; i < size; i++) {
      if (lists.get(i) != null) {
        buckets[i] = lists.get(i).toArray(new byte[0][]);
      }
    }
    this.longest = max;
  }

  /** Returns a matcher for {@code values}; duplicates and values under 4 bytes are dropped. */
  static SecretMatcher of(Collection<byte[]> values) {
    Set<Key> distinct = new LinkedHashSet<>();
    for (byte[] value : values) {
      if (value.length >= SHORTEST) {
        distinct.add(new Key(value.clone()));
      }
    }
    if (distinct.isEmpty()) {
      return EMPTY;
    }
    return new SecretMatcher(distinct.stream().map(Key::bytes).toList());
  }

  /** Returns the values this matcher looks for. The arrays are shared: do not change them. */
  List<byte[]> values() {
    return values;
  }

  /** Returns whether there is no value to look for. */
  boolean isEmpty() {
    return values.isEmpty();
  }

  /** Returns the length of the longest value, or 0. */
  int longest() {
    return longest;
  }

  /**
   * Adds to {@code found} the range of every occurrence that lies wholly inside {@code buffer[from,
   * to)}. Overlapping occurrences are all found: the search reads the buffer only.
   */
  void find(byte[] buffer, int from, int to, Ranges found) {
    if (values.isEmpty()) {
      return;
    }
    for (int i = from; i <= to - SHORTEST; i++) {
      int prefix = prefix(buffer[i], buffer[i + 1]);
      if ((prefixes[prefix >>> 6] & (1L << prefix)) == 0) {
        continue; // the common case: no value starts with these two bytes
      }
      byte[][] candidates = buckets[hash(buffer[i], buffer[i + 1]) & mask];
      for (byte[] value : candidates) {
        int end = i + value.length;
        if (end <= to && Arrays.equals(buffer, i, end, value, 0, value.length)) {
          found.add(i, end);
        }
      }
    }
  }

  /** Returns whether {@code buffer} holds any value. */
  boolean anyIn(byte[] buffer) {
    Ranges found = new Ranges();
    find(buffer, 0, buffer.length, found);
    return !found.isEmpty();
  }

  private static int prefix(byte first, byte second) {
    return (first & 0xff) << 8 | (second & 0xff);
  }

  private static int hash(byte first, byte second) {
    int h = (first & 0xff) * 31 + (second & 0xff);
    return h ^ (h >>> 7);
  }

  /** A byte string compared by content, for de-duplication. */
  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Key[" + bytes.length + " bytes]";
    }
  }
}

package dev.keyway.core.redact;

import java.util.Arrays;

/**
 * A growable list of half-open byte ranges {@code [start, end)} to mask. Ranges may overlap and
 * come in any order. Not thread-safe; one per masking pass.
 */
final class Ranges {

  private int[] bounds = new int[8];
  private int size;

  /** Adds {@code [start, end)}. */
  void add(int start, int end) {
    if (size + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[size++] = start;
    bounds[size++] = end;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Overwrites every byte of {@code buffer} inside a range, shifted by {@code -offset}. */
  void maskIn(byte[] buffer, int offset, byte mask) {
    for (int i = 0; i < size; i += 2) {
      int start = Math.max(0, bounds[i] - offset);
      int end = Math.min(buffer.length, bounds[i + 1] - offset);
      if (start < end) {
        Arrays.fill(buffer, start, end, mask);
      }
    }
  }

  /** Returns the ranges that reach {@code from} or beyond, clipped to start there. */
  Ranges from(int from) {
    Ranges kept = new Ranges();
    for (int i = 0; i < size; i += 2) {
      if (bounds[i + 1] > from) {
        kept.add(Math.max(bounds[i], from), bounds[i + 1]);
      }
    }
    return kept;
  }

  /** Returns these ranges moved by {@code -offset}. */
  Ranges shiftedBy(int offset) {
    Ranges shifted = new Ranges();
    for (int i = 0; i < size; i += 2) {
      shifted.add(bounds[i] - offset, bounds[i + 1] - offset);
    }
    return shifted;
  }

  /** Adds every range of {@code other}. */
  void addAll(Ranges other) {
    for (int i = 0; i < other.size; i += 2) {
      add(other.bounds[i], other.bounds[i + 1]);
    }
  }

  @Override
  public String toString() {
    return "Ranges[" + size / 2 + "]";
  }
}

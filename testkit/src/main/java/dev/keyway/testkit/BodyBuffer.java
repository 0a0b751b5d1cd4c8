package dev.keyway.testkit;

import java.io.ByteArrayOutputStream;

/**
 * Gathers a request body up to a cap. Bytes beyond the cap are counted and dropped, so an oversized
 * body is read to its end (the connection stays usable) without being held in memory. Used by one
 * request at a time: Reactor delivers its chunks in order.
 */
final class BodyBuffer {

  private final int cap;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private boolean overflowed;

  BodyBuffer(int cap) {
    this.cap = cap;
  }

  /** Adds the next chunk of the body. */
  void append(byte[] chunk) {
    int room = cap - bytes.size();
    if (chunk.length > room) {
      overflowed = true;
    }
    bytes.write(chunk, 0, Math.min(room, chunk.length));
  }

  /** Returns whether the body was longer than the cap. */
  boolean overflowed() {
    return overflowed;
  }

  /** Returns the bytes kept: the whole body, or its first {@code cap} bytes. */
  byte[] bytes() {
    return bytes.toByteArray();
  }
}

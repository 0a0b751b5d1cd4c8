package dev.keyway.core.redact;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * Masks the credentials of an {@link EchoMask} in one body that arrives in chunks, without holding
 * the body: it keeps back at most {@code longest - 1} bytes (the longest credential spelling, less
 * one) between chunks, so a credential split across chunks is still found, and masks every byte of
 * it in whichever chunk it lands.
 *
 * <pre>{@code
 * ChunkMasker masker = mask.newChunkMasker();
 * for (byte[] chunk : chunks) out.write(masker.next(chunk));
 * out.write(masker.finish());
 * }</pre>
 *
 * <p>Not thread-safe: one per body, fed in order.
 */
public final class ChunkMasker {

  private static final byte MASK = '*';
  private static final byte[] NOTHING = new byte[0];

  private final EchoMask mask;
  private final int keep;
  private byte[] carry = NOTHING; // as received, unmasked, so a later match can still span it
  private Ranges carryMasked = new Ranges(); // parts of carry already known to be a credential
  private boolean finished;

  ChunkMasker(EchoMask mask) {
    this.mask = mask;
    this.keep = Math.max(0, mask.longest() - 1);
  }

  /**
   * Takes the next chunk and returns the bytes that can be sent now, masked: possibly fewer than
   * were given, possibly none.
   *
   * @throws IllegalStateException after {@link #finish()}
   */
  public byte[] next(byte[] chunk) {
    if (finished) {
      throw new IllegalStateException("the body has already ended");
    }
    if (mask.isEmpty()) {
      return chunk;
    }
    byte[] buffer = carry.length == 0 ? chunk.clone() : concat(carry, chunk);
    Ranges found = mask.find(buffer, 0, buffer.length);
    found.addAll(carryMasked);
    int ready = Math.max(0, buffer.length - keep);
    byte[] out = Arrays.copyOf(buffer, ready);
    found.maskIn(out, 0, MASK);
    carry = Arrays.copyOfRange(buffer, ready, buffer.length);
    carryMasked = found.from(ready).shiftedBy(ready);
    return out;
  }

  /** Takes the next chunk of a Netty body; see {@link #next(byte[])}. Does not release it. */
  public ByteBuf next(ByteBuf chunk) {
    return Unpooled.wrappedBuffer(next(ByteBufUtil.getBytes(chunk)));
  }

  /** Ends the body and returns the bytes held back, masked. */
  public byte[] finish() {
    finished = true;
    byte[] out = carry;
    carryMasked.maskIn(out, 0, MASK);
    carry = NOTHING;
    carryMasked = new Ranges();
    return out;
  }

  ByteBuf finishBuffer() {
    return Unpooled.wrappedBuffer(finish());
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  @Override
  public String toString() {
    return "ChunkMasker[holding " + carry.length + " bytes]";
  }
}

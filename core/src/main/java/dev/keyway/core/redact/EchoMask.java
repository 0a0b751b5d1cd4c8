package dev.keyway.core.redact;

import dev.keyway.api.Secret;
import dev.keyway.spi.Headers;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Masks a collection's credentials in what its upstream answers, so an API that echoes a request
 * (its headers, its query, a token) never hands a key to the caller. Each occurrence is replaced
 * byte for byte by {@code *}, so lengths, and a {@code Content-Length}, stay right.
 *
 * <p>Whole bodies are masked with {@link #mask(byte[])}; streamed bodies chunk by chunk with {@link
 * #newChunkMasker()} or, on Reactor Netty, {@link #byteBufs()}:
 *
 * <pre>{@code
 * EchoMask mask = collectionMask.with(List.of(accessToken));
 * Flux<ByteBuf> masked = mask.byteBufs().apply(response.receive().retain());
 * Headers headers = mask.mask(upstreamHeaders);
 * }</pre>
 *
 * <p>Each credential is looked for as it is, percent-encoded and JSON-escaped. Values shorter than
 * 4 bytes are not masked: they would match ordinary text. Immutable and thread-safe; a {@link
 * ChunkMasker} is not, and serves one body.
 */
public final class EchoMask {

  /** A mask that masks nothing. */
  public static final EchoMask NONE = new EchoMask(SecretMatcher.EMPTY);

  private static final byte MASK = '*';

  private final SecretMatcher matcher;

  private EchoMask(SecretMatcher matcher) {
    this.matcher = matcher;
  }

  /** Returns a mask of {@code credentials}. */
  public static EchoMask of(Collection<Secret> credentials) {
    return NONE.with(credentials);
  }

  /**
   * Returns a mask of these credentials and {@code more}. It builds an index of every spelling:
   * build a mask once per set of credentials and reuse it, not once per chunk.
   */
  public EchoMask with(Collection<Secret> more) {
    Objects.requireNonNull(more, "more");
    return merged(Variants.of(more));
  }

  /** Returns a mask of these credentials and those of {@code other}. */
  public EchoMask with(EchoMask other) {
    return other == this ? this : merged(other.matcher.values());
  }

  private EchoMask merged(List<byte[]> spellings) {
    if (spellings.isEmpty()) {
      return this;
    }
    List<byte[]> all = new ArrayList<>(matcher.values());
    all.addAll(spellings);
    SecretMatcher combined = SecretMatcher.of(all);
    return combined.values().size() == matcher.values().size() ? this : new EchoMask(combined);
  }

  /** Returns whether this mask has nothing to mask. */
  public boolean isEmpty() {
    return matcher.isEmpty();
  }

  /** Returns the length in bytes of the longest spelling of a credential, or 0. */
  public int longest() {
    return matcher.longest();
  }

  /** Returns {@code bytes} with every credential masked: {@code bytes} itself if none is in it. */
  public byte[] mask(byte[] bytes) {
    Ranges found = find(bytes, 0, bytes.length);
    if (found.isEmpty()) {
      return bytes;
    }
    byte[] masked = bytes.clone();
    found.maskIn(masked, 0, MASK);
    return masked;
  }

  /** Returns {@code text} with every credential masked (one {@code *} per UTF-8 byte). */
  public String mask(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] masked = mask(bytes);
    return masked == bytes ? text : new String(masked, StandardCharsets.UTF_8);
  }

  /** Returns {@code headers} with every credential in a value masked; names are kept. */
  public Headers mask(Headers headers) {
    if (matcher.isEmpty()) {
      return headers;
    }
    Headers masked = Headers.empty();
    boolean changed = false;
    for (Map.Entry<String, String> field : headers.entries()) {
      String value = mask(field.getValue());
      changed |= !value.equals(field.getValue());
      masked = masked.add(field.getKey(), value);
    }
    return changed ? masked : headers;
  }

  /** Returns a new, stateful masker for one streamed body. */
  public ChunkMasker newChunkMasker() {
    return new ChunkMasker(this);
  }

  /**
   * Returns a function that masks a streamed body of Netty buffers, one {@link ChunkMasker} per
   * subscription. Each input buffer is read while it is delivered and is not released (Reactor
   * Netty releases what {@code receive()} delivers once it has been handed on); each output buffer
   * is a new unpooled heap buffer, released by whoever writes it. Up to {@link #longest()} - 1
   * bytes are held back between chunks, so a credential split across two chunks is still masked;
   * they are sent when the body ends.
   */
  public Function<Flux<ByteBuf>, Flux<ByteBuf>> byteBufs() {
    if (matcher.isEmpty()) {
      return body -> body;
    }
    return body ->
        Flux.defer(
            () -> {
              ChunkMasker masker = newChunkMasker();
              return body.map(masker::next)
                  .concatWith(Mono.fromSupplier(masker::finishBuffer))
                  .filter(ByteBuf::isReadable);
            });
  }

  Ranges find(byte[] buffer, int from, int to) {
    Ranges found = new Ranges();
    matcher.find(buffer, from, to, found);
    return found;
  }

  @Override
  public String toString() {
    return "EchoMask[" + matcher.values().size() + " spellings]";
  }
}

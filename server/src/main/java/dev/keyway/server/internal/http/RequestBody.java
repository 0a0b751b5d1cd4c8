package dev.keyway.server.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Reads a request body into memory up to a cap: a declared {@code Content-Length} above it is
 * refused before a byte is read, and a body that grows past it while it arrives is refused as soon
 * as it does. Either way the answer is 413.
 */
final class RequestBody {

  private RequestBody() {}

  static Mono<byte[]> read(HttpServerRequest request, int limit) {
    String declared = request.requestHeaders().get("Content-Length");
    if (declared != null && exceeds(declared.trim(), limit)) {
      return Mono.error(new ProblemException(Problems.requestTooLarge(limit)));
    }
    return request
        .receive()
        .reduceWith(ByteArrayOutputStream::new, (buffer, chunk) -> append(buffer, chunk, limit))
        .map(ByteArrayOutputStream::toByteArray)
        .defaultIfEmpty(new byte[0]);
  }

  private static boolean exceeds(String declared, int limit) {
    try {
      return Long.parseLong(declared) > limit;
    } catch (NumberFormatException e) {
      return false; // Netty refuses a malformed Content-Length before we see it
    }
  }

  private static ByteArrayOutputStream append(
      ByteArrayOutputStream buffer, ByteBuf chunk, int limit) {
    int length = chunk.readableBytes();
    if (buffer.size() + (long) length > limit) {
      throw new ProblemException(Problems.requestTooLarge(limit));
    }
    buffer.writeBytes(ByteBufUtil.getBytes(chunk));
    return buffer;
  }
}

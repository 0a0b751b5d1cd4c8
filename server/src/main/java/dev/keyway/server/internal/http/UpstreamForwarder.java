package dev.keyway.server.internal.http;

import dev.keyway.core.CallRequest;
import dev.keyway.core.Keyway;
import dev.keyway.server.internal.metrics.GatewayMetrics;
import dev.keyway.spi.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Runs a call through {@link Keyway#exchangeMasked} and streams the upstream's answer to the
 * caller: its status, the allowed header fields, and the body, buffer by buffer, without holding
 * it. Any credential of the collection the upstream echoes (a key, a Basic header, a token) is
 * masked byte for byte in the header fields and the body before it is written, also when it
 * straddles two buffers.
 *
 * <p>The response body cap: a declared {@code Content-Length} above it is answered with a 502
 * problem before anything is sent; a body that grows past it while streaming is cut there. If that
 * happens before the first buffer was written the caller still gets the 502 problem; after, the
 * connection is closed mid-body, so the caller sees a truncated response (a missing final chunk or
 * a short {@code Content-Length}), never a silently shortened one.
 */
final class UpstreamForwarder {

  private final Keyway keyway;
  private final ResponseHeaderFilter headers;
  private final GatewayMetrics metrics;
  private final long responseLimit;

  UpstreamForwarder(
      Keyway keyway, ResponseHeaderFilter headers, GatewayMetrics metrics, long responseLimit) {
    this.keyway = keyway;
    this.headers = headers;
    this.metrics = metrics;
    this.responseLimit = responseLimit;
  }

  Mono<Void> forward(
      HttpServerResponse response, CallContext context, CallEntry entry, CallRequest request) {
    long started = System.nanoTime();
    return keyway
        .exchangeMasked(
            request,
            (head, body) -> {
              metrics.upstreamLatency(
                  entry.collectionId(),
                  entry.callId(),
                  Duration.ofNanos(System.nanoTime() - started));
              return respond(response, context, entry, head, body);
            })
        .then();
  }

  private Publisher<Void> respond(
      HttpServerResponse response,
      CallContext context,
      CallEntry entry,
      ResponseHead head,
      Flux<ByteBuf> body) {
    if (declaredLength(head) > responseLimit) {
      return Mono.error(new ProblemException(Problems.upstreamTooLarge(responseLimit)));
    }
    AtomicLong seen = new AtomicLong();
    Flux<ByteBuf> capped =
        body.handle(
            (buffer, sink) -> {
              if (seen.addAndGet(buffer.readableBytes()) > responseLimit) {
                buffer.release();
                sink.error(new ProblemException(Problems.upstreamTooLarge(responseLimit)));
              } else {
                // The buffer is ours (exchangeMasked); the caller's connection releases it once
                // written.
                sink.next(buffer);
              }
            });
    // The status line goes out with the first buffer (or the end of an empty body), so a failure
    // before then is still answered with a problem.
    return capped
        .switchOnFirst(
            (first, all) -> {
              if (first.isOnError()) {
                return Mono.error(first.getThrowable());
              }
              commit(response, context, entry, head);
              return response.send(all).then();
            })
        .then();
  }

  private void commit(
      HttpServerResponse response, CallContext context, CallEntry entry, ResponseHead head) {
    int status = head.status();
    boolean bodiless = entry.call().method().equals("HEAD") || status == 204 || status == 304;
    HttpHeaders out = response.responseHeaders();
    context.writeBaseHeaders(out);
    for (Map.Entry<String, String> field :
        headers.allowed(entry.collectionId(), head.headers(), !bodiless)) {
      out.add(field.getKey(), field.getValue());
    }
    if (out.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      // The upstream's length holds for the bytes passed on; otherwise Netty chunks the body.
      out.remove(HttpHeaderNames.TRANSFER_ENCODING);
    }
    context.status(status);
    response.status(HttpResponseStatus.valueOf(status));
  }

  private static long declaredLength(ResponseHead head) {
    return head.headers()
        .first("Content-Length")
        .map(
            text -> {
              try {
                return Long.parseLong(text.trim());
              } catch (NumberFormatException e) {
                return -1L;
              }
            })
        .orElse(-1L);
  }
}

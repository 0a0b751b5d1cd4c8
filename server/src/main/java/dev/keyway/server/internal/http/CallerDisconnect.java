package dev.keyway.server.internal.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Signals when a caller's connection closes, so a call whose caller has gone is cancelled (and with
 * it the upstream request) instead of running on. The listener is removed when the request ends, so
 * a keep-alive connection serving many requests does not collect them.
 */
final class CallerDisconnect {

  private CallerDisconnect() {}

  /** Returns a mono that emits once the connection of {@code response} is closed. */
  static Mono<Boolean> of(HttpServerResponse response) {
    return Mono.create(
        sink ->
            response.withConnection(
                connection -> {
                  ChannelFuture closed = connection.channel().closeFuture();
                  ChannelFutureListener listener = future -> sink.success(true);
                  closed.addListener(listener);
                  sink.onDispose(() -> closed.removeListener(listener));
                }));
  }
}

package dev.keyway.core.internal.client;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.UpstreamException;
import dev.keyway.core.config.Timeouts;
import dev.keyway.spi.Body;
import dev.keyway.spi.Headers;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends requests to one collection's upstream over its own connection pool, so a slow upstream
 * cannot take connections from the others, and with its own TLS context, so a client certificate is
 * only ever presented to its own collection's upstream. Redirects are never followed. Responses are
 * read whole up to a cap ({@link #send}) or streamed to a handler ({@link #exchange}); failures
 * become {@link UpstreamException}s that name the collection, never the URL.
 *
 * <p>Thread-safe and non-blocking. {@link #close()} releases the pool.
 */
public final class UpstreamClient implements AutoCloseable {

  /** The largest response body read into memory, unless configured otherwise. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  private static final String USER_AGENT = "keyway/0.1";

  private final String collection;
  private final ConnectionProvider pool;
  private final HttpClient client;
  private final Timeouts timeouts;
  private final int maxResponseBytes;

  public UpstreamClient(String collection, Timeouts timeouts, int maxResponseBytes) {
    this(collection, timeouts, maxResponseBytes, Optional.empty());
  }

  /**
   * Creates a client whose HTTPS connections use {@code tls} (see {@link TlsContexts}), or the
   * JVM's defaults when it is empty. Host names are verified either way.
   */
  public UpstreamClient(
      String collection, Timeouts timeouts, int maxResponseBytes, Optional<SslContext> tls) {
    this.collection = collection;
    this.timeouts = timeouts;
    this.maxResponseBytes = maxResponseBytes;
    this.pool =
        ConnectionProvider.builder("keyway-" + collection)
            .maxConnections(200)
            .pendingAcquireMaxCount(2000)
            .pendingAcquireTimeout(timeouts.connect().plus(timeouts.response()))
            .maxIdleTime(Duration.ofSeconds(30))
            .build();
    HttpClient base =
        HttpClient.create(pool)
            .followRedirect(false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
            .responseTimeout(timeouts.response());
    // Reactor Netty adds host name verification to a context given this way, as to its default.
    this.client = tls.map(context -> base.secure(spec -> spec.sslContext(context))).orElse(base);
  }

  /** Sends {@code request} for {@code call} and reads the whole response, up to the cap. */
  public Mono<ApiResponse> send(OutboundRequest request, String call) {
    return send(request, call, maxResponseBytes);
  }

  /**
   * Sends {@code request} for {@code call} and reads the whole response, failing with {@link
   * UpstreamException.Kind#TOO_LARGE} past {@code limit} bytes.
   */
  public Mono<ApiResponse> send(OutboundRequest request, String call, int limit) {
    return receiver(request)
        .response(
            (response, content) ->
                content
                    .asByteArray()
                    .collect(
                        ByteArrayOutputStream::new,
                        (buffer, chunk) -> append(buffer, chunk, call, limit))
                    .map(buffer -> toResponse(response, buffer.toByteArray())))
        .single()
        .onErrorMap(
            error -> !(error instanceof UpstreamException), error -> translate(error, call));
  }

  /**
   * Sends {@code request} for {@code call} and hands the response head and its body, unread, to
   * {@code handler}; returns what the handler's publisher emits. The body's buffers are released
   * once the handler's subscriber has received each one. Failures to reach the upstream, also while
   * the body streams, become {@link UpstreamException}s; the handler's own errors pass unchanged.
   */
  public <T> Flux<T> exchange(
      OutboundRequest request,
      String call,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler) {
    return receiver(request)
        .response(
            (response, content) -> {
              Flux<ByteBuf> body =
                  content.onErrorMap(
                      error -> !(error instanceof UpstreamException),
                      error -> translate(error, call));
              return Flux.defer(() -> handler.apply(head(response), body))
                  .onErrorMap(HandlerError::new);
            })
        .onErrorMap(
            error -> !(error instanceof UpstreamException),
            error ->
                error instanceof HandlerError handlerError
                    ? handlerError.getCause()
                    : translate(error, call));
  }

  private HttpClient.ResponseReceiver<?> receiver(OutboundRequest request) {
    Body body = request.body();
    byte[] bytes = body.bytes();
    HttpClient.RequestSender sender =
        client
            .headers(
                headers -> {
                  for (Map.Entry<String, String> field : request.headers().entries()) {
                    headers.add(field.getKey(), field.getValue());
                  }
                  if (!request.headers().contains("User-Agent")) {
                    headers.set("User-Agent", USER_AGENT);
                  }
                  if (body.kind() != Body.Kind.NONE) {
                    if (!request.headers().contains("Content-Type")) {
                      headers.set("Content-Type", body.contentType());
                    }
                    headers.set("Content-Length", bytes.length);
                  }
                })
            .request(HttpMethod.valueOf(request.method()))
            .uri(request.uri());
    return body.kind() == Body.Kind.NONE
        ? sender
        : sender.send((outbound, out) -> out.sendByteArray(Mono.just(bytes)));
  }

  private void append(ByteArrayOutputStream buffer, byte[] chunk, String call, int limit) {
    if (buffer.size() + chunk.length > limit) {
      throw new UpstreamException(
          UpstreamException.Kind.TOO_LARGE,
          describe(call) + ": the response is larger than " + limit + " bytes",
          null);
    }
    buffer.writeBytes(chunk);
  }

  private static ApiResponse toResponse(HttpClientResponse response, byte[] body) {
    ResponseHead head = head(response);
    return new ApiResponse(head.status(), head.headers(), body);
  }

  private static ResponseHead head(HttpClientResponse response) {
    Headers headers = Headers.empty();
    for (Map.Entry<String, String> field : response.responseHeaders()) {
      if (Headers.isValidName(field.getKey()) && Headers.isValidValue(field.getValue())) {
        headers = headers.add(field.getKey(), field.getValue());
      }
    }
    return new ResponseHead(response.status().code(), headers);
  }

  private UpstreamException translate(Throwable error, String call) {
    if (error instanceof ReadTimeoutException
        || error instanceof TimeoutException
        || error instanceof ConnectTimeoutException) {
      return new UpstreamException(
          UpstreamException.Kind.TIMEOUT,
          describe(call) + ": the upstream did not answer within " + timeoutText(error),
          error);
    }
    if (TlsContexts.isTlsFailure(error)) {
      return new UpstreamException(
          UpstreamException.Kind.UNREACHABLE,
          describe(call)
              + ": the TLS handshake with the upstream failed; check its certificate (and"
              + " tls.trustedCertificates for a private CA) and the client certificate",
          error);
    }
    if (error instanceof ConnectException || error instanceof PrematureCloseException) {
      return new UpstreamException(
          UpstreamException.Kind.UNREACHABLE,
          describe(call) + ": the upstream could not be reached",
          error);
    }
    return new UpstreamException(
        UpstreamException.Kind.UNREACHABLE,
        describe(call)
            + ": the upstream exchange failed ("
            + error.getClass().getSimpleName()
            + ")",
        error);
  }

  private String timeoutText(Throwable error) {
    Duration limit =
        error instanceof ConnectTimeoutException ? timeouts.connect() : timeouts.response();
    return limit.toMillis() + " ms";
  }

  private String describe(String call) {
    return "collection " + collection + (call == null ? "" : ", call " + call);
  }

  /** Carries an error of an exchange's handler past the translation of upstream failures. */
  private static final class HandlerError extends RuntimeException {
    HandlerError(Throwable cause) {
      super(null, cause, false, false);
    }
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(10));
  }
}

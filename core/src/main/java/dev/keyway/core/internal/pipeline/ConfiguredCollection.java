package dev.keyway.core.internal.pipeline;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.CallRequest;
import dev.keyway.core.ConnectionRequiredException;
import dev.keyway.core.KeywayException;
import dev.keyway.core.UnknownCallException;
import dev.keyway.core.UpstreamException;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.internal.client.UpstreamClient;
import dev.keyway.core.internal.request.CallTemplate;
import dev.keyway.core.internal.token.UserTokenCaches;
import dev.keyway.core.redact.EchoMask;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.Headers;
import dev.keyway.spi.NotConnectedException;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.ResponseHead;
import dev.keyway.spi.TokenRequestException;
import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One collection, ready to call: its compiled call templates, its auth method, and its own upstream
 * client. Runs the steps of a call in order — bind parameters, apply credentials, check the origin,
 * send — and sends once more, at most, when the auth method asks for it. The answer reaches the
 * caller with the collection's credentials masked ({@link #echoMask}), and an error with any secret
 * value in its causes masked.
 */
public final class ConfiguredCollection implements AutoCloseable {

  private final CollectionConfig config;
  private final AuthMethod authMethod;
  private final Map<String, CallTemplate> calls;
  private final UpstreamClient client;
  private final CollectionMask mask;
  private final Optional<UserTokenCaches> userTokens;

  ConfiguredCollection(
      CollectionConfig config,
      AuthMethod authMethod,
      Map<String, CallTemplate> calls,
      UpstreamClient client,
      CollectionMask mask,
      Optional<UserTokenCaches> userTokens) {
    this.config = config;
    this.authMethod = authMethod;
    this.calls = Map.copyOf(calls);
    this.client = client;
    this.mask = mask;
    this.userTokens = userTokens;
  }

  /** Returns the end users' tokens, for a collection whose method connects end users. */
  public Optional<UserTokenCaches> userTokens() {
    return userTokens;
  }

  /** Returns the collection's configuration. */
  public CollectionConfig config() {
    return config;
  }

  /** Returns the auth method built for this collection. */
  public AuthMethod authMethod() {
    return authMethod;
  }

  /** Runs {@code request}'s call when subscribed and reads the whole response. */
  public Mono<ApiResponse> call(CallRequest request) {
    CallTemplate template = calls.get(request.call());
    if (template == null) {
      return Mono.error(
          new UnknownCallException(
              "collection " + config.id() + " has no call named " + request.call()));
    }
    return Mono.defer(
            () -> send(template.build(request.params(), request.user()), request.call(), true))
        .onErrorMap(RedactedErrors::redact);
  }

  /**
   * Returns what to mask in the upstream's answer to {@code signed}, the request the auth method
   * made of {@code unsigned}: the collection's credentials, recently issued tokens, and the
   * authorization header values of this request. For a streamed answer, use {@link
   * EchoMask#byteBufs()} on the body and {@link EchoMask#mask(Headers)} on the header fields.
   */
  public EchoMask echoMask(OutboundRequest unsigned, OutboundRequest signed) {
    return mask.forExchange(unsigned, signed);
  }

  /**
   * Runs {@code request}'s call when subscribed and hands the response head and its unread body to
   * {@code handler}. When the auth method asks for a retry on seeing the head, that response's body
   * is drained and the request is sent once more; only the final response reaches the handler.
   */
  public <T> Flux<T> exchange(
      CallRequest request,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler) {
    return exchange(request, handler, false);
  }

  /**
   * Runs {@code request}'s call like {@link #exchange(CallRequest, BiFunction)}, but hands {@code
   * handler} the answer with this exchange's {@link #echoMask} applied: the header fields masked,
   * and the body masked as it streams (a credential split across two buffers included; no whole
   * body is held). Each body buffer the handler receives is its own: release it, or write it to a
   * connection, which does.
   */
  public <T> Flux<T> exchangeMasked(
      CallRequest request,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler) {
    return exchange(request, handler, true);
  }

  private <T> Flux<T> exchange(
      CallRequest request,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler,
      boolean masked) {
    CallTemplate template = calls.get(request.call());
    if (template == null) {
      return Flux.error(
          new UnknownCallException(
              "collection " + config.id() + " has no call named " + request.call()));
    }
    return Flux.defer(
        () ->
            exchange(
                template.build(request.params(), request.user()),
                request.call(),
                true,
                masked,
                handler));
  }

  private <T> Flux<T> exchange(
      OutboundRequest unsigned,
      String call,
      boolean mayRetry,
      boolean masked,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler) {
    return sign(unsigned, call)
        .flatMapMany(
            signed ->
                client.exchange(
                    signed,
                    call,
                    (head, body) ->
                        mayRetry && authMethod.shouldRetry(signed, head)
                            ? body.then(Mono.just(Attempt.<T>retry()))
                            : Flux.from(
                                    masked
                                        ? maskedAnswer(
                                            echoMask(unsigned, signed), head, body, handler)
                                        : handler.apply(head, body))
                                .map(Attempt::of)))
        .concatMap(
            attempt ->
                attempt.isRetry()
                    ? exchange(unsigned, call, false, masked, handler)
                    : Mono.just(attempt.item()));
  }

  private static <T> Publisher<T> maskedAnswer(
      EchoMask mask,
      ResponseHead head,
      Flux<ByteBuf> body,
      BiFunction<ResponseHead, Flux<ByteBuf>, ? extends Publisher<T>> handler) {
    // The masker's buffers are new ones; without a mask, the upstream's are retained, so the
    // handler owns every buffer either way.
    Flux<ByteBuf> owned = mask.isEmpty() ? body.map(ByteBuf::retain) : mask.byteBufs().apply(body);
    return handler.apply(new ResponseHead(head.status(), mask.mask(head.headers())), owned);
  }

  private Mono<OutboundRequest> sign(OutboundRequest unsigned, String call) {
    return Mono.fromCompletionStage(() -> authMethod.apply(unsigned))
        .onErrorMap(error -> !(error instanceof KeywayException), error -> notSigned(call, error))
        .map(signed -> EgressGuard.check(config.id(), unsigned, signed));
  }

  private Mono<ApiResponse> send(OutboundRequest unsigned, String call, boolean mayRetry) {
    return sign(unsigned, call)
        .flatMap(
            signed ->
                client
                    .send(signed, call)
                    .flatMap(
                        response ->
                            mayRetry && shouldRetry(signed, response)
                                ? send(unsigned, call, false)
                                : Mono.just(masked(response, echoMask(unsigned, signed)))));
  }

  private static ApiResponse masked(ApiResponse response, EchoMask echoMask) {
    Headers headers = echoMask.mask(response.headers());
    byte[] body = response.body();
    byte[] maskedBody = echoMask.mask(body);
    return headers == response.headers() && maskedBody == body
        ? response
        : new ApiResponse(response.status(), headers, maskedBody);
  }

  private boolean shouldRetry(OutboundRequest signed, ApiResponse response) {
    // Bodies are held in memory, so every request can be replayed.
    return authMethod.shouldRetry(signed, new ResponseHead(response.status(), response.headers()));
  }

  private KeywayException notSigned(String call, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof NotConnectedException notConnected) {
      return new ConnectionRequiredException(notConnected);
    }
    // A token request's message names the collection and the server's error code, never a value;
    // anything else might quote one, so only its type is named.
    String reason =
        cause instanceof TokenRequestException refused
            ? refused.getMessage()
            : cause.getClass().getSimpleName();
    return new UpstreamException(
        UpstreamException.Kind.AUTH_FAILED,
        "collection "
            + config.id()
            + ", call "
            + call
            + ": credentials could not be obtained ("
            + reason
            + ")",
        cause);
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "ConfiguredCollection[" + config.id() + ", calls=" + calls.keySet() + "]";
  }
}

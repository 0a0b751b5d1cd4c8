package dev.keyway.core.internal.oauth;

import dev.keyway.core.UpstreamException;
import dev.keyway.spi.Body;
import dev.keyway.spi.ClientAuthentication;
import dev.keyway.spi.ExchangeResponse;
import dev.keyway.spi.FormField;
import dev.keyway.spi.HttpExchange;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.Token;
import dev.keyway.spi.TokenEndpoint;
import dev.keyway.spi.TokenRequestException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A collection's token endpoint: builds the form POST, authenticates the client, sends it through
 * the collection's side-call client, retries what is worth retrying within one deadline, and reads
 * the answer. Immutable and thread-safe.
 */
final class HttpTokenEndpoint implements TokenEndpoint {

  private final String collection;
  private final URI url;
  private final ClientAuthentication client;
  private final HttpExchange http;
  private final Clock clock;
  private final RetryPolicy retries;
  private final Duration deadline;
  private final TokenResponses.Format format;

  HttpTokenEndpoint(
      String collection,
      URI url,
      ClientAuthentication client,
      HttpExchange http,
      Clock clock,
      RetryPolicy retries,
      Duration deadline,
      TokenResponses.Format format) {
    this.collection = collection;
    this.url = url;
    this.client = client;
    this.http = http;
    this.clock = clock;
    this.retries = retries;
    this.deadline = deadline;
    this.format = format;
  }

  @Override
  public CompletionStage<Token> request(List<FormField> grant) {
    return exchange(() -> client.authenticate(formPost(grant)))
        .map(answer -> TokenResponses.read(answer.response, answer.sentAt, format, collection))
        .toFuture();
  }

  @Override
  public CompletionStage<ExchangeResponse> post(List<FormField> form) {
    return exchange(() -> client.authenticate(formPost(form)))
        .map(answer -> answer.response)
        .toFuture();
  }

  @Override
  public CompletionStage<ExchangeResponse> send(OutboundRequest request) {
    return exchange(() -> request).map(answer -> answer.response).toFuture();
  }

  /** Sends the request {@code build} makes (anew for each try) until a final answer. */
  private Mono<Answer> exchange(Supplier<OutboundRequest> build) {
    return Mono.defer(
            () -> {
              Instant sentAt = clock.instant();
              return Mono.fromCompletionStage(() -> http.send(build.get()))
                  .map(response -> new Answer(response, sentAt));
            })
        .flatMap(this::finalOrRetry)
        .retryWhen(
            Retry.from(
                signals ->
                    signals.concatMap(
                        signal ->
                            retryDelay(signal.totalRetries(), signal.failure())
                                .map(Mono::delay)
                                .orElseGet(() -> Mono.error(giveUp(signal.failure()))))))
        .timeout(deadline)
        .onErrorMap(error -> !(error instanceof TokenRequestException), this::unavailable);
  }

  /** Passes a 2xx answer on; fails with what a refusal means, or for a retry on 5xx and 429. */
  private Mono<Answer> finalOrRetry(Answer answer) {
    int status = answer.response.status();
    if (status / 100 == 2) {
      return Mono.just(answer);
    }
    return Mono.error(
        status >= 500 || status == 429
            ? new TransientAnswer(answer.response)
            : TokenResponses.error(answer.response, collection));
  }

  private Optional<Duration> retryDelay(long retry, Throwable failure) {
    if (failure instanceof TransientAnswer answer) {
      return retries.delay(retry, Optional.of(answer.response.headers()), clock);
    }
    if (failure instanceof TokenRequestException
        || failure instanceof UpstreamException upstream
            && upstream.kind() == UpstreamException.Kind.TOO_LARGE) {
      return Optional.empty();
    }
    return retries.delay(retry, Optional.empty(), clock);
  }

  private Throwable giveUp(Throwable failure) {
    return failure instanceof TransientAnswer answer
        ? TokenResponses.error(answer.response, collection)
        : failure;
  }

  private TokenRequestException unavailable(Throwable error) {
    boolean timedOut =
        error instanceof TimeoutException
            || error instanceof UpstreamException upstream
                && upstream.kind() == UpstreamException.Kind.TIMEOUT;
    return new TokenRequestException(
        timedOut ? "timeout" : "unreachable",
        0,
        "collection "
            + collection
            + (timedOut
                ? ": the token endpoint did not answer within " + deadline.toMillis() + " ms"
                : ": the token endpoint could not be reached"),
        error);
  }

  private OutboundRequest formPost(List<FormField> form) {
    return OutboundRequest.to("POST", url)
        .withHeader("Accept", "application/json")
        .withBody(Body.form(form));
  }

  @Override
  public String toString() {
    return "TokenEndpoint[" + collection + ", " + client + "]";
  }

  /** A 5xx or 429 answer, worth another try; never leaves this class. */
  private static final class TransientAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized: it only carries the answer to the retry step
    private final ExchangeResponse response;

    TransientAnswer(ExchangeResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  /** An answer with the instant its request was sent: a token's lifetime counts from then. */
  private record Answer(ExchangeResponse response, Instant sentAt) {}
}

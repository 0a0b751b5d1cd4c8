package dev.keyway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Environment;
import dev.keyway.core.RecordingServer.Answer;
import dev.keyway.core.config.AuthConfig;
import dev.keyway.core.config.BodyConfig;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.Timeouts;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

@DisplayName("Keyway.exchange streams a response to a handler")
class KeywayExchangeTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> closeLater = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeLater) {
      closeable.close();
    }
  }

  private Keyway keyway(URI baseUrl, AuthConfig auth, Timeouts timeouts) {
    CallConfig call =
        new CallConfig("t", "GET", "/t", Map.of(), Map.of(), BodyConfig.none(), Map.of(), false);
    CollectionConfig collection =
        new CollectionConfig("api", baseUrl, auth, Map.of(), Map.of(), timeouts, Map.of("t", call));
    Keyway keyway =
        Keyway.builder()
            .config(new KeywayConfig(Environment.DEV, false, Map.of("api", collection)))
            .provider(new TestProviders.HeaderProvider())
            .provider(new TestProviders.RetryingProvider())
            .build();
    closeLater.add(keyway);
    return keyway;
  }

  private Keyway keyway(URI baseUrl, AuthConfig auth) {
    return keyway(baseUrl, auth, Timeouts.DEFAULT);
  }

  private RecordingServer upstream(Answer answer) {
    RecordingServer server = RecordingServer.answering(answer);
    closeLater.add(server);
    return server;
  }

  private static Mono<String> text(Flux<ByteBuf> body) {
    return body.map(buffer -> buffer.toString(StandardCharsets.UTF_8)).reduce("", String::concat);
  }

  private static CallRequest request() {
    return CallRequest.of("api", "t", Map.of());
  }

  @Test
  @DisplayName("the handler gets the status, the header fields and the body, with credentials sent")
  void streams() {
    RecordingServer upstream = upstream(Answer.ok("{\"ok\":true}"));
    Keyway keyway = keyway(upstream.baseUrl(), new AuthConfig("test-header", Map.of("value", "k")));

    String seen =
        keyway
            .exchange(
                request(),
                (head, body) ->
                    body.map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                        .reduce("", String::concat)
                        .map(
                            text ->
                                head.status()
                                    + " "
                                    + head.headers().first("Content-Type").orElseThrow()
                                    + " "
                                    + text))
            .single()
            .block(WAIT);

    assertThat(seen).isEqualTo("200 application/json {\"ok\":true}");
    assertThat(upstream.received().get(0).headers()).containsEntry("x-test", "k");
  }

  @Test
  @DisplayName("a retry asked for on the head drains the first body; the handler sees one response")
  void retriesOnce() {
    AtomicInteger count = new AtomicInteger();
    RecordingServer upstream =
        new RecordingServer(
            request -> count.incrementAndGet() == 1 ? Answer.status(401) : Answer.ok("{\"n\":2}"));
    closeLater.add(upstream);
    Keyway keyway = keyway(upstream.baseUrl(), new AuthConfig("retrying", Map.of()));
    AtomicInteger handled = new AtomicInteger();

    String seen =
        keyway
            .exchange(
                request(),
                (head, body) -> {
                  handled.incrementAndGet();
                  return text(body).map(text -> head.status() + " " + text);
                })
            .single()
            .block(WAIT);

    assertThat(seen).isEqualTo("200 {\"n\":2}");
    assertThat(handled).hasValue(1);
    assertThat(upstream.received()).hasSize(2);
  }

  @Test
  @DisplayName("a second refusal goes to the handler: never more than one retry")
  void neverRetriesTwice() {
    RecordingServer upstream = upstream(Answer.status(401));
    Keyway keyway = keyway(upstream.baseUrl(), new AuthConfig("retrying", Map.of()));

    Integer status =
        keyway
            .exchange(request(), (head, body) -> body.then(Mono.just(head.status())))
            .single()
            .block(WAIT);

    assertThat(status).isEqualTo(401);
    assertThat(upstream.received()).hasSize(2);
  }

  @Test
  @DisplayName("an upstream that stops sending mid-body fails the body as a timeout")
  void timeoutWhileStreaming() {
    DisposableServer stalling =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    response
                        .header("Content-Type", "text/plain")
                        .sendString(Flux.concat(Mono.just("first part "), Mono.never())))
            .bindNow();
    closeLater.add(() -> stalling.disposeNow(WAIT));
    Keyway keyway =
        keyway(
            URI.create("http://127.0.0.1:" + stalling.port()),
            new AuthConfig("test-header", Map.of("value", "k")),
            new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
    List<String> chunks = new java.util.concurrent.CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                keyway
                    .exchange(
                        request(),
                        (head, body) ->
                            body.map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                                .doOnNext(chunks::add))
                    .blockLast(WAIT))
        .isInstanceOfSatisfying(
            UpstreamException.class,
            e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT));
    assertThat(chunks).containsExactly("first part ");
  }

  @Test
  @DisplayName("an error of the handler itself reaches the subscriber unchanged")
  void handlerErrorPasses() {
    RecordingServer upstream = upstream(Answer.ok("{}"));
    Keyway keyway = keyway(upstream.baseUrl(), new AuthConfig("test-header", Map.of("value", "k")));
    IllegalStateException mine = new IllegalStateException("the caller went away");

    assertThatThrownBy(
            () ->
                keyway
                    .exchange(request(), (head, body) -> body.then(Mono.<String>error(mine)))
                    .blockLast(WAIT))
        .isSameAs(mine);
    assertThatThrownBy(
            () ->
                keyway
                    .exchange(
                        request(),
                        (head, body) -> {
                          throw mine;
                        })
                    .blockLast(WAIT))
        .isSameAs(mine);
  }

  @Test
  @DisplayName("an unknown collection or call fails without a request")
  void unknownCall() {
    RecordingServer upstream = upstream(Answer.ok("{}"));
    Keyway keyway = keyway(upstream.baseUrl(), new AuthConfig("test-header", Map.of("value", "k")));

    assertThatThrownBy(
            () ->
                keyway
                    .exchange(CallRequest.of("nope", "t", Map.of()), (head, body) -> body)
                    .blockLast(WAIT))
        .isInstanceOf(UnknownCallException.class);
    assertThatThrownBy(
            () ->
                keyway
                    .exchange(CallRequest.of("api", "nope", Map.of()), (head, body) -> body)
                    .blockLast(WAIT))
        .isInstanceOf(UnknownCallException.class);
    assertThatThrownBy(
            () ->
                keyway
                    .exchange(CallRequest.of("api", "t", Map.of("x", "1")), (head, body) -> body)
                    .blockLast(WAIT))
        .isInstanceOf(CallRejectedException.class);
    assertThat(upstream.received()).isEmpty();
  }
}

package dev.keyway.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

@DisplayName("EchoMask on a streamed Reactor Netty body")
class EchoMaskStreamingTest {

  private static final String KEY = "sk_live_51HxY2eZvKYlo2C0aBcDeFgHiJ";
  private static final String BODY_START = "{\"echo\":{\"authorization\":\"Bearer sk_live_51HxY2e";
  private static final String BODY_END = "ZvKYlo2C0aBcDeFgHiJ\",\"n\":1}}";

  private final DisposableServer upstream =
      HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          .handle(
              (request, response) ->
                  response
                      .chunkedTransfer(true)
                      .send(
                          Flux.just(BODY_START, BODY_END)
                              .map(text -> Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)),
                          chunk -> true)) // flush each chunk: the key straddles two HTTP chunks
          .bindNow();

  @AfterEach
  void stop() {
    upstream.disposeNow(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName(
      "masks a key that arrives split across two network chunks, without buffering the body")
  void splitKey() {
    EchoMask mask = EchoMask.of(List.of(Secret.of(KEY)));
    AtomicInteger chunksIn = new AtomicInteger();
    List<String> chunksOut = new CopyOnWriteArrayList<>();

    String body =
        HttpClient.create()
            .get()
            .uri("http://127.0.0.1:" + upstream.port() + "/echo")
            .response(
                (response, content) ->
                    mask.byteBufs().apply(content.doOnNext(chunk -> chunksIn.incrementAndGet())))
            .map(
                (ByteBuf chunk) -> {
                  String text = chunk.toString(StandardCharsets.UTF_8);
                  chunk.release();
                  chunksOut.add(text);
                  return text;
                })
            .collectList()
            .map(parts -> String.join("", parts))
            .block(Duration.ofSeconds(10));

    assertThat(chunksIn).hasValueGreaterThanOrEqualTo(2);
    assertThat(body)
        .isEqualTo(
            "{\"echo\":{\"authorization\":\"Bearer " + "*".repeat(KEY.length()) + "\",\"n\":1}}");
    assertThat(chunksOut).hasSizeGreaterThanOrEqualTo(2);
  }
}

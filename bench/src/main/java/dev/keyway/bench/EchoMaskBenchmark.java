package dev.keyway.bench;

import dev.keyway.api.Secret;
import dev.keyway.core.redact.EchoMask;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

/**
 * What masking echoed credentials costs on an answer that holds none (the usual case): a 200-byte
 * JSON body and a 64 KiB one, with three credentials to look for, read whole ({@code mask(byte[])},
 * as {@code Keyway.call} does) and streamed in 8 KiB chunks ({@code byteBufs()}, as the gateway
 * does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EchoMaskBenchmark {

  @Param({"200", "65536"})
  public int size;

  private EchoMask mask;
  private byte[] body;

  @Setup
  public void setUp() {
    mask =
        EchoMask.of(
            List.of(
                Secret.of("sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
                Secret.of("Basic dXNlcjpwYXNzd29yZA=="),
                Secret.of("ya29.a0AfH6SMBx3-cached-access-token")));
    StringBuilder json = new StringBuilder("{\"items\":[");
    while (json.length() < size - 40) {
      json.append("{\"id\":\"cus_0123456789\",\"ok\":true},");
    }
    json.append("{\"end\":true}]}");
    body = json.substring(0, Math.min(json.length(), size)).getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] whole() {
    return mask.mask(body);
  }

  @Benchmark
  public long streamed() {
    int chunk = 8192;
    Flux<ByteBuf> chunks =
        Flux.range(0, (body.length + chunk - 1) / chunk)
            .map(
                i ->
                    Unpooled.wrappedBuffer(
                        body, i * chunk, Math.min(chunk, body.length - i * chunk)));
    return mask.byteBufs()
        .apply(chunks)
        .map(
            buffer -> {
              int readable = buffer.readableBytes();
              buffer.release();
              return (long) readable;
            })
        .reduce(0L, Long::sum)
        .block();
  }
}

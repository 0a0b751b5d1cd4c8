package dev.keyway.bench;

import dev.keyway.api.Secret;
import dev.keyway.core.internal.token.SingleFlightTokenCache;
import dev.keyway.spi.Token;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a cached token costs: the hit path of core's token cache, alone and with four threads asking
 * at once (contention would show as a rising time per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenCacheBenchmark {

  private SingleFlightTokenCache cache;

  @Setup
  public void setUp() {
    Clock clock = Clock.systemUTC();
    cache =
        new SingleFlightTokenCache(
            () ->
                CompletableFuture.completedFuture(
                    Token.bearer(Secret.of("eyJhbGciOiJSUzI1NiJ9.cached"), clock.instant())
                        .expiringAt(clock.instant().plus(Duration.ofDays(1)))),
            clock);
    cache.get().toCompletableFuture().join();
  }

  @Benchmark
  @Threads(1)
  public CompletionStage<Token> cachedToken() {
    return cache.get();
  }

  @Benchmark
  @Threads(4)
  public CompletionStage<Token> cachedTokenFourThreads() {
    return cache.get();
  }
}

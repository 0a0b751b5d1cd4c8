package dev.keyway.bench;

import dev.keyway.auth.basic.BasicProvider;
import dev.keyway.auth.keys.HeaderKeyProvider;
import dev.keyway.auth.keys.QueryKeyProvider;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.testkit.TestAuthContext;
import dev.keyway.testkit.TestSettings;
import java.net.URI;
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
import org.openjdk.jmh.annotations.Warmup;

/** What adding a static credential to one request costs: the per-request work of each method. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuthApplyBenchmark {

  private OutboundRequest request;
  private AuthMethod headerKey;
  private AuthMethod queryKey;
  private AuthMethod basic;

  @Setup
  public void setUp() {
    request =
        OutboundRequest.create("GET", URI.create("https://api.example.com"), "/v1/things")
            .withHeader("Accept", "application/json");
    TestAuthContext context = TestAuthContext.create();
    headerKey =
        new HeaderKeyProvider()
            .create(TestSettings.of("key", "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc"), context);
    queryKey =
        new QueryKeyProvider()
            .create(
                TestSettings.of("keyName", "appid", "key", "b6907d289e10d714a6e88b30761fae22"),
                context);
    basic =
        new BasicProvider()
            .create(TestSettings.of("username", "reports", "password", "s3cr3t-pässword"), context);
  }

  @Benchmark
  public CompletionStage<OutboundRequest> headerKey() {
    return headerKey.apply(request);
  }

  @Benchmark
  public CompletionStage<OutboundRequest> queryKey() {
    return queryKey.apply(request);
  }

  @Benchmark
  public CompletionStage<OutboundRequest> basic() {
    return basic.apply(request);
  }
}

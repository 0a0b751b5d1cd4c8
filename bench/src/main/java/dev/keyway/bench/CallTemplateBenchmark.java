package dev.keyway.bench;

import dev.keyway.core.config.ConfigLoader;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.internal.request.CallTemplate;
import dev.keyway.spi.OutboundRequest;
import java.util.Map;
import java.util.Optional;
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

/**
 * What binding five caller parameters costs: a path segment, two query values, a header and a JSON
 * template value. (A benchmark may reach into core's internals; nothing else may.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallTemplateBenchmark {

  private static final String CONFIG =
      """
      collections:
        shop:
          baseUrl: https://api.shop.example/v2
          auth: { type: none }
          calls:
            order:
              method: POST
              path: /customers/[customer]/orders
              body: { type: json, template: '{"note": "<note>", "source": "keyway"}' }
              params:
                customer: { in: path }
                expand:   { in: query }
                limit:    { in: query }
                X-Request-Id: { in: header }
                note:     { in: body }
      """;

  private CallTemplate template;
  private Map<String, Object> params;

  @Setup
  public void setUp() {
    KeywayConfig config = ConfigLoader.create().parse(CONFIG);
    template =
        CallTemplate.compile(
            config.collections().get("shop"),
            config.collections().get("shop").calls().get("order"));
    params =
        Map.of(
            "customer", "cus_Jörg 42",
            "expand", "items",
            "limit", 10,
            "X-Request-Id", "req-7f3a",
            "note", "deliver \"before\" noon");
  }

  @Benchmark
  public OutboundRequest buildWithFiveParameters() {
    return template.build(params, Optional.empty());
  }
}

package dev.keyway.server.internal.doctor;

import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import dev.keyway.core.UpstreamException;
import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.spi.AuthMethod;
import dev.keyway.spi.OutboundRequest;
import dev.keyway.spi.TokenRequestException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The checks of {@code keyway doctor} that talk to the network, with no side effect on the
 * upstream: each collection's credentials are prepared as for a call (a token method asks its token
 * endpoint; nothing is sent to the API), and the calls marked {@code check: true} — and only those
 * — are run. Findings name paths and error codes, never a value.
 */
final class LiveChecks {

  private final Duration timeout;

  LiveChecks(Duration timeout) {
    this.timeout = timeout;
  }

  /** Runs the checks of {@code config} and adds what they found to {@code findings}. */
  void run(KeywayConfig config, List<Finding> findings) {
    try (Keyway keyway = Keyway.builder().config(config).build()) {
      for (CollectionConfig collection : new TreeMap<>(config.collections()).values()) {
        credentials(keyway, collection, findings);
        for (CallConfig call : collection.calls().values()) {
          if (call.check()) {
            call(keyway, collection, call, findings);
          }
        }
      }
    } catch (RuntimeException e) {
      // The configuration itself was reported by the loading step.
      findings.add(Finding.warning("", "live checks skipped: " + e.getClass().getSimpleName()));
    }
  }

  private void credentials(Keyway keyway, CollectionConfig collection, List<Finding> findings) {
    String path = collection.path() + ".auth";
    AuthMethod method = keyway.authMethod(collection.id());
    if (method.userConsent().isPresent()) {
      findings.add(Finding.checked(path, "end users connect their own accounts; not checked"));
      return;
    }
    URI base = collection.baseUrl();
    // A request that is never sent; a POST, so methods that add a body field apply too.
    OutboundRequest probe =
        OutboundRequest.create(
            "POST", URI.create(base.getScheme() + "://" + base.getRawAuthority()), "/");
    try {
      method.apply(probe).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      findings.add(Finding.checked(path, "credentials ready"));
    } catch (ExecutionException e) {
      findings.add(
          Finding.error(path, "credentials could not be obtained: " + reason(e.getCause())));
    } catch (TimeoutException e) {
      findings.add(
          Finding.error(path, "credentials not ready within " + timeout.toSeconds() + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void call(
      Keyway keyway, CollectionConfig collection, CallConfig call, List<Finding> findings) {
    String path = collection.path() + ".calls." + call.id();
    try {
      ApiResponse response =
          keyway
              .call(collection.id(), call.id(), Map.of())
              .toCompletableFuture()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response.isSuccess()) {
        findings.add(Finding.checked(path, "check call answered " + response.status()));
      } else {
        findings.add(Finding.error(path, "check call answered " + response.status()));
      }
    } catch (ExecutionException e) {
      findings.add(Finding.error(path, "check call failed: " + reason(e.getCause())));
    } catch (TimeoutException e) {
      findings.add(
          Finding.error(path, "check call took longer than " + timeout.toSeconds() + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns what may be shown of a failure: Keyway's own messages name no value. */
  private static String reason(Throwable error) {
    if (error instanceof TokenRequestException || error instanceof UpstreamException) {
      return error.getMessage();
    }
    return error.getClass().getSimpleName();
  }
}

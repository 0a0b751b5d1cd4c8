package dev.keyway.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The failures a test injects into the sandbox's token endpoints: the next requests answered with
 * an error status (and a {@code Retry-After}), and the next requests answered late. Thread-safe:
 * each planned failure or delay is used by exactly one request.
 */
final class FailurePlan {

  private int failures;
  private int status;
  private Duration retryAfter;
  private int delays;
  private Duration delay = Duration.ZERO;

  /** Makes the next {@code count} requests fail with {@code status}, replacing any plan left. */
  synchronized void failNext(int count, int status, Duration retryAfter) {
    this.failures = count;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /**
   * Makes the next {@code count} requests wait {@code delay} before their answer, replacing any
   * plan left.
   */
  synchronized void delayNext(int count, Duration delay) {
    this.delays = count;
    this.delay = delay;
  }

  /** Returns the injected failure for this request, if one is planned, and uses it up. */
  synchronized Optional<Reply> nextFailure() {
    if (failures == 0) {
      return Optional.empty();
    }
    failures--;
    Map<String, String> headers = new LinkedHashMap<>(OAuthReplies.NO_STORE);
    if (retryAfter != null) {
      headers.put("Retry-After", Long.toString(seconds(retryAfter)));
    }
    if (status == 401) {
      headers.put("WWW-Authenticate", "Basic realm=\"sandbox\"");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", errorCode(status));
    body.put("error_description", "the sandbox was told to fail this request");
    return Optional.of(Reply.json(status, headers, body));
  }

  /** Returns how long to hold this request's answer, and uses the delay up. */
  synchronized Duration nextDelay() {
    if (delays == 0) {
      return Duration.ZERO;
    }
    delays--;
    return delay;
  }

  private static long seconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static String errorCode(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "invalid_client";
      case 429 -> "slow_down";
      case 503 -> "temporarily_unavailable";
      default -> status >= 500 ? "server_error" : "invalid_request";
    };
  }
}

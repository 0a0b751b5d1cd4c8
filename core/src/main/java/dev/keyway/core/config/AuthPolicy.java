package dev.keyway.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a collection's token methods judge the upstream's answers and tokens: which response statuses
 * mean the credentials were refused ({@code authFailureStatuses}, default {@code [401]}; such an
 * answer makes a token method drop its token and send the request once more), and how long a token
 * is kept when neither its response nor the token itself says when it expires ({@code
 * defaultTokenLifetime}, default 5 minutes).
 *
 * <pre>{@code
 * collections:
 *   legacy:
 *     authFailureStatuses: [401, 419]
 *     defaultTokenLifetime: 10m
 * }</pre>
 */
public record AuthPolicy(Set<Integer> authFailureStatuses, Duration defaultTokenLifetime) {

  /** A 401 is a refusal; a token of unknown expiry is kept 5 minutes. */
  public static final AuthPolicy DEFAULT = new AuthPolicy(Set.of(401), Duration.ofMinutes(5));

  public AuthPolicy {
    authFailureStatuses = Set.copyOf(authFailureStatuses);
    Objects.requireNonNull(defaultTokenLifetime, "defaultTokenLifetime");
  }
}

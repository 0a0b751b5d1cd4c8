package dev.keyway.core.connect;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connect flow ended, for the callback to redirect the browser: the collection and end user
 * the flow was for, where to send the browser back to, and the error if the user did not connect
 * ({@code access_denied} from the provider, or {@code connection_failed} when the code exchange or
 * the profile request failed). The browser is sent to {@code returnTo} without code or state.
 */
public record ConnectOutcome(String collection, String user, URI returnTo, Optional<String> error) {

  public ConnectOutcome {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(returnTo, "returnTo");
    Objects.requireNonNull(error, "error");
  }

  /** Returns whether the user is connected now. */
  public boolean connected() {
    return error.isEmpty();
  }
}

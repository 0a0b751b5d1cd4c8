package dev.keyway.core.config;

import dev.keyway.api.Secret;
import java.util.List;

/**
 * A configuration string with its {@code ${...}} references replaced, and the secret values that
 * went into it. The secrets are kept so that the values can be given to a log redactor; never log
 * {@code text} when {@code secrets} is not empty.
 */
record ResolvedText(String text, List<Secret> secrets) {

  ResolvedText {
    secrets = List.copyOf(secrets);
  }

  /** Returns whether any part of the text came from the secret store. */
  boolean containsSecret() {
    return !secrets.isEmpty();
  }

  @Override
  public String toString() {
    return containsSecret() ? "ResolvedText[****]" : "ResolvedText[" + text + "]";
  }
}

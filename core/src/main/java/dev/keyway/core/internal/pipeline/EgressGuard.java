package dev.keyway.core.internal.pipeline;

import dev.keyway.core.KeywayException;
import dev.keyway.spi.OutboundRequest;

/**
 * Lets a request leave only for the origin core built it for. {@link OutboundRequest} cannot change
 * its origin, but an auth method returns a request of its own making: this is the last check before
 * the wire, so a faulty or hostile plugin cannot send a collection's credentials elsewhere.
 */
final class EgressGuard {

  private EgressGuard() {}

  static OutboundRequest check(String collection, OutboundRequest built, OutboundRequest signed) {
    if (!built.origin().equals(signed.origin())) {
      throw new KeywayException(
          "collection "
              + collection
              + ": the auth method returned a request for another origin; it was not sent");
    }
    return signed;
  }
}

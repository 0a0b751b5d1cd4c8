package dev.keyway.server.internal.http;

import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import java.util.Map;

/**
 * A configured call as the gateway sees it: its collection, its configuration, and its public
 * header parameters by lower-case header name (the only caller headers that may reach the
 * upstream).
 */
record CallEntry(CollectionConfig collection, CallConfig call, Map<String, String> headerParams) {

  CallEntry {
    headerParams = Map.copyOf(headerParams);
  }

  String collectionId() {
    return collection.id();
  }

  String callId() {
    return call.id();
  }
}

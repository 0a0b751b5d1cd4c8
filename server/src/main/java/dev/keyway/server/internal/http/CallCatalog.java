package dev.keyway.server.internal.http;

import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.KeywayConfig;
import dev.keyway.core.config.ParamConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every configured call, found by collection and call id. Immutable. */
final class CallCatalog {

  private final Map<String, CallEntry> entries;

  CallCatalog(KeywayConfig config) {
    Map<String, CallEntry> all = new HashMap<>();
    for (CollectionConfig collection : config.collections().values()) {
      for (CallConfig call : collection.calls().values()) {
        Map<String, ParamConfig> params = new LinkedHashMap<>(collection.params());
        params.putAll(call.params());
        Map<String, String> headerParams = new HashMap<>();
        params.forEach(
            (name, param) -> {
              if (param.in() == ParamConfig.Location.HEADER && !param.isPrivate()) {
                headerParams.put(name.toLowerCase(Locale.ROOT), name);
              }
            });
        all.put(key(collection.id(), call.id()), new CallEntry(collection, call, headerParams));
      }
    }
    this.entries = Map.copyOf(all);
  }

  Optional<CallEntry> find(String collection, String call) {
    return Optional.ofNullable(entries.get(key(collection, call)));
  }

  private static String key(String collection, String call) {
    // Ids hold no '/', so the key is unambiguous.
    return collection + "/" + call;
  }
}

package dev.keyway.core.internal.pipeline;

import dev.keyway.core.config.CallConfig;
import dev.keyway.core.config.CollectionConfig;
import dev.keyway.core.config.ParamConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Lists every configured text of a collection that may go out with a request, so core can tell
 * which configured secret values are this collection's: auth settings, shared and per-call header
 * and query values, parameter values and defaults, and body templates.
 */
final class CollectionTexts {

  private CollectionTexts() {}

  static List<String> of(CollectionConfig collection) {
    List<String> texts = new ArrayList<>();
    leaves(collection.auth().settings().values(), texts);
    texts.addAll(collection.headers().values());
    params(collection.params(), texts);
    for (CallConfig call : collection.calls().values()) {
      texts.addAll(call.query().values());
      texts.addAll(call.headers().values());
      call.body().template().ifPresent(texts::add);
      params(call.params(), texts);
    }
    return texts;
  }

  private static void params(Map<String, ParamConfig> params, List<String> texts) {
    for (ParamConfig param : params.values()) {
      param.value().ifPresent(texts::add);
      param.defaultValue().ifPresent(texts::add);
    }
  }

  /** Adds the text leaves of auth setting values: text, lists of text, nested maps. */
  static void leaves(Collection<?> values, List<String> texts) {
    for (Object value : values) {
      if (value instanceof Map<?, ?> map) {
        leaves(map.values(), texts);
      } else if (value instanceof Collection<?> list) {
        leaves(list, texts);
      } else if (value != null) {
        texts.add(value.toString());
      }
    }
  }
}

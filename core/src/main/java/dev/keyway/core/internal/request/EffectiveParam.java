package dev.keyway.core.internal.request;

import dev.keyway.core.config.ParamConfig;
import dev.keyway.core.config.ParamConfig.Location;

/**
 * One parameter of a call after merging the collection's shared parameters with the call's own: its
 * name, its declaration, the config path it was declared at, and its position in the call.
 */
record EffectiveParam(String name, ParamConfig config, String path, int index) {

  /** Returns where the value goes. */
  Location in() {
    return config.in();
  }

  /**
   * Returns whether a value is needed: declared required, or a path parameter (which always is).
   */
  boolean required() {
    return config.required() || config.in() == Location.PATH;
  }

  /** Returns the config path of one of this parameter's fields, e.g. {@code ...params.id.value}. */
  String path(String field) {
    return path + "." + field;
  }
}

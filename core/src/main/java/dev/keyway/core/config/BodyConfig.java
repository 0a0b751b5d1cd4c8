package dev.keyway.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How a call's body is built.
 *
 * <ul>
 *   <li>{@code none}: no body.
 *   <li>{@code json}: the {@code template} (JSON with {@code <name>} placeholders), or without a
 *       template an object of the {@code in: body} parameters.
 *   <li>{@code form}: {@code application/x-www-form-urlencoded} fields from the {@code in: body}
 *       parameters.
 *   <li>{@code raw}: the {@code template} text as it is, sent with {@code contentType}.
 * </ul>
 */
public record BodyConfig(Type type, Optional<String> template, Optional<String> contentType) {

  /** The kinds of body a call can have. */
  public enum Type {
    NONE,
    JSON,
    FORM,
    RAW
  }

  private static final BodyConfig NONE =
      new BodyConfig(Type.NONE, Optional.empty(), Optional.empty());

  public BodyConfig {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(contentType, "contentType");
  }

  /** Returns the empty body. */
  public static BodyConfig none() {
    return NONE;
  }
}

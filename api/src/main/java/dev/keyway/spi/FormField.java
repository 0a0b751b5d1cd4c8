package dev.keyway.spi;

import java.util.Objects;

/** One {@code name=value} pair of an {@code application/x-www-form-urlencoded} body or query. */
public record FormField(String name, String value) {

  public FormField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** Shows the name only: form values often carry credentials. */
  @Override
  public String toString() {
    return name + "=…";
  }
}

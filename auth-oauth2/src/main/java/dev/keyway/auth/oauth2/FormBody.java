package dev.keyway.auth.oauth2;

import dev.keyway.api.ConfigProblems;
import dev.keyway.spi.FormField;
import dev.keyway.spi.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the form body of an {@code oauth2-custom-token} request: a map of field names to a value or
 * a list of values (one field each), with placeholders filled. Encoding is left to {@link
 * dev.keyway.spi.Body#form}, so a value can hold {@code &}, {@code =} or anything else.
 */
final class FormBody {

  private FormBody() {}

  /** Returns the fields the setting {@code name} of {@code block} holds. */
  static Optional<List<FormField>> read(
      Settings block, String name, PlaceholderValues values, ConfigProblems problems) {
    Optional<Settings> map = block.section(name);
    if (map.isEmpty()) {
      problems.add(
          block.path(name),
          "with bodyType form, write the body as a map of field names to values,"
              + " e.g. {user: \"<user>\"}");
      return Optional.empty();
    }
    Settings fields = map.get();
    List<FormField> form = new ArrayList<>();
    for (String field : fields.names()) {
      Optional<List<String>> items = fields.list(field);
      if (items.isEmpty()) {
        problems.add(fields.path(field), "expected a value or a list of values, not a map");
      } else {
        items
            .get()
            .forEach(item -> form.add(new FormField(field, values.fill(item, fields.path(field)))));
      }
    }
    return Optional.of(List.copyOf(form));
  }
}

package dev.keyway.core.internal.request;

import dev.keyway.spi.Body;
import dev.keyway.spi.JsonString;
import java.util.List;

/**
 * Builds a JSON object of the {@code in: body} parameters, in declaration order: text as JSON
 * strings, numbers and booleans as JSON literals; an absent optional parameter is left out.
 */
final class JsonObjectBodyTemplate implements BodyTemplate {

  private final String[] keys;
  private final int[] indexes;

  JsonObjectBodyTemplate(List<EffectiveParam> fields) {
    this.keys =
        fields.stream().map(field -> JsonString.quote(field.name()) + ":").toArray(String[]::new);
    this.indexes = fields.stream().mapToInt(EffectiveParam::index).toArray();
  }

  @Override
  public Body render(BoundParams bound) {
    StringBuilder out = new StringBuilder(2 + keys.length * 32);
    out.append('{');
    for (int k = 0; k < keys.length; k++) {
      int index = indexes[k];
      String text = bound.text(index);
      if (text == null) {
        continue;
      }
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(keys[k]);
      JsonBodyTemplate.appendValue(out, bound.value(index), text);
    }
    return Body.json(out.append('}').toString());
  }
}

package dev.keyway.spi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The body of an {@link OutboundRequest}: none, JSON text, form fields, or raw bytes.
 *
 * <p>Immutable. Bodies are held in memory, so they are always replayable (a retry after a 401 can
 * send them again). {@link #withField(String, String)} lets an auth method add a credential field
 * to a JSON object or a form without parsing or re-encoding the rest. {@link #toString()} shows the
 * kind and size only, never the content.
 */
public final class Body {

  /** What a body holds. */
  public enum Kind {
    NONE,
    JSON,
    FORM,
    RAW
  }

  private static final Body NONE = new Body(Kind.NONE, null, new byte[0], List.of());

  private final Kind kind;
  private final String contentType;
  private final byte[] bytes;
  private final List<FormField> form;

  private Body(Kind kind, String contentType, byte[] bytes, List<FormField> form) {
    this.kind = kind;
    this.contentType = contentType;
    this.bytes = bytes;
    this.form = form;
  }

  /** Returns the empty body. */
  public static Body none() {
    return NONE;
  }

  /** Returns a JSON body ({@code application/json}) holding {@code json}, which must be valid. */
  public static Body json(String json) {
    return new Body(
        Kind.JSON, "application/json", json.getBytes(StandardCharsets.UTF_8), List.of());
  }

  /** Returns an {@code application/x-www-form-urlencoded} body holding {@code fields}. */
  public static Body form(List<FormField> fields) {
    List<FormField> copy = List.copyOf(fields);
    return new Body(
        Kind.FORM,
        "application/x-www-form-urlencoded",
        encode(copy).getBytes(StandardCharsets.US_ASCII),
        copy);
  }

  /** Returns a body of {@code bytes} with the given content type. */
  public static Body raw(byte[] bytes, String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    return new Body(Kind.RAW, contentType, bytes.clone(), List.of());
  }

  /**
   * Returns a copy with one more field: appended to a form, or inserted as the first member of a
   * JSON object (the value as a JSON string).
   *
   * @throws IllegalStateException if the body is not a form or a JSON object
   */
  public Body withField(String name, String value) {
    return switch (kind) {
      case FORM -> {
        List<FormField> fields = new ArrayList<>(form);
        fields.add(new FormField(name, value));
        yield form(fields);
      }
      case JSON -> json(insertMember(text(), name, value));
      default ->
          throw new IllegalStateException(
              "a field can only be added to a JSON object or a form body, not to " + describe());
    };
  }

  private static String insertMember(String json, String name, String value) {
    String trimmed = json.strip();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw new IllegalStateException("a field can only be added to a JSON object body");
    }
    String rest = trimmed.substring(1).strip();
    String member = JsonString.quote(name) + ":" + JsonString.quote(value);
    return "{" + member + (rest.equals("}") ? "}" : "," + rest);
  }

  /** Returns what this body holds. */
  public Kind kind() {
    return kind;
  }

  /** Returns the media type to send in {@code Content-Type}, or {@code null} for no body. */
  public String contentType() {
    return contentType;
  }

  /** Returns a copy of the encoded bytes, as they go on the wire. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the number of encoded bytes. */
  public int length() {
    return bytes.length;
  }

  /** Returns the encoded bytes as UTF-8 text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Returns the fields of a form body; empty for other kinds. */
  public List<FormField> formFields() {
    return form;
  }

  /** Encodes fields as {@code application/x-www-form-urlencoded} (UTF-8, space as {@code +}). */
  public static String encode(List<FormField> fields) {
    return fields.stream()
        .map(
            field ->
                URLEncoder.encode(field.name(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.value(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private String describe() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " body";
  }

  @Override
  public String toString() {
    return "Body[" + kind + ", " + bytes.length + " bytes]";
  }
}

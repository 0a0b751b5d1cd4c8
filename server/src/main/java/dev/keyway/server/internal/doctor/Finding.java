package dev.keyway.server.internal.doctor;

/**
 * One thing {@code keyway doctor} reports: an error (the configuration will not work, or is
 * dangerous) or a warning, at a configuration path. The message never holds a secret value.
 */
public record Finding(Severity severity, String path, String message) {

  /** How bad a finding is. Errors make {@code keyway doctor} exit non-zero. */
  public enum Severity {
    ERROR,
    WARNING,
    /** A live check that passed: shown, never counted. */
    CHECKED
  }

  static Finding error(String path, String message) {
    return new Finding(Severity.ERROR, path, message);
  }

  static Finding warning(String path, String message) {
    return new Finding(Severity.WARNING, path, message);
  }

  static Finding checked(String path, String message) {
    return new Finding(Severity.CHECKED, path, message);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}

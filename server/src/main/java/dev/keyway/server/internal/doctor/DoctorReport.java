package dev.keyway.server.internal.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code keyway doctor} found: per collection (and caller), which values each environment
 * uses, and every finding. Holds names and references only, never a value.
 */
public record DoctorReport(
    String environment, Map<String, List<ValueUse>> uses, List<Finding> findings) {

  public DoctorReport {
    uses = Collections.unmodifiableMap(new LinkedHashMap<>(uses)); // in configuration order
    findings = List.copyOf(findings);
  }

  /** Returns the findings of {@code severity}. */
  public List<Finding> findings(Finding.Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }

  /** Returns whether there is an error. */
  public boolean hasErrors() {
    return !findings(Finding.Severity.ERROR).isEmpty();
  }
}

package dev.benchbook.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of a comparison row once noise is taken into account. */
public enum Verdict {
  IMPROVED("improved"),
  REGRESSED("regressed"),
  WITHIN_NOISE("within noise");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** Human and JSON label, e.g. {@code within noise}. */
  @JsonValue
  public String label() {
    return label;
  }

  /** Parses a label as written by {@link #label()}. */
  @JsonCreator
  public static Verdict ofLabel(String label) {
    for (Verdict v : values()) {
      if (v.label.equals(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "verdict must be one of improved, regressed, within noise; got " + label);
  }
}

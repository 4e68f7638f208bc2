package dev.benchbook.notebook;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A displayable value as MIME type to content ({@code image/png} is base64); {@code text/plain}
 * is always present. Keys are kept sorted so outputs serialize the same way every time.
 *
 * @param data MIME type to content
 */
public record DisplayData(Map<String, String> data) {

  /** The plain-text MIME type every display carries. */
  public static final String TEXT = "text/plain";

  /** Checks that {@code text/plain} is present and copies the map in key order. */
  public DisplayData {
    if (data == null || data.get(TEXT) == null) {
      throw new IllegalArgumentException("display data needs a text/plain entry, got "
          + (data == null ? null : data.keySet()));
    }
    data = Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** Plain text only. */
  public static DisplayData text(String text) {
    return new DisplayData(Map.of(TEXT, text));
  }

  /** The {@code text/plain} content. */
  public String plain() {
    return data.get(TEXT);
  }
}

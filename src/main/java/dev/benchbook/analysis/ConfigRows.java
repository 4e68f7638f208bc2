package dev.benchbook.analysis;

import dev.benchbook.rows.RawRows;

/**
 * The raw rows of one config: a {@link RawRows} table and the code of the config in it.
 *
 * @param rows raw rows, possibly holding several configs
 * @param configCode index of the config in {@code rows.configIds()}
 */
public record ConfigRows(RawRows rows, int configCode) {

  /** Validates the code against the rows' config dictionary. */
  public ConfigRows {
    if (rows == null) {
      throw new IllegalArgumentException("rows must not be null");
    }
    if (configCode < 0 || configCode >= rows.configIds().size()) {
      throw new IllegalArgumentException("config code must be in [0, "
          + rows.configIds().size() + "), got " + configCode);
    }
  }

  /** The rows of the config with this id; fails naming the ids the rows hold. */
  public static ConfigRows of(RawRows rows, String configId) {
    int code = rows.configIds().indexOf(configId);
    if (code < 0) {
      throw new IllegalArgumentException("raw rows hold no config '" + configId + "'; they hold "
          + rows.configIds());
    }
    return new ConfigRows(rows, code);
  }

  /** The config id these rows belong to. */
  public String configId() {
    return rows.configIds().get(configCode);
  }
}

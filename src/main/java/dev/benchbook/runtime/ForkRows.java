package dev.benchbook.runtime;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fork's raw rows between child and parent: binary, column by column (no text, no
 * compression: the file lives in a temporary folder for seconds), and their merge into the
 * parent's rows with the parent's codes and repetition numbers.
 */
final class ForkRows {

  private ForkRows() {
  }

  /** Writes the rows with their dictionaries, then each column: its key, then its values. */
  static void write(RawRows rows, Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(file), 1 << 16))) {
      ForkLink.writeStrings(out, rows.configIds());
      ForkLink.writeStrings(out, rows.stateNames());
      int n = rows.size();
      out.writeInt(n);
      out.writeInt(rows.columns().size());
      for (Column c : rows.columns()) {
        out.writeUTF(c.csvKey());
        for (int i = 0; i < n; i++) {
          out.writeLong(rows.get(c, i));
        }
      }
    }
  }

  /**
   * Appends a child's rows to {@code into}: config and state codes mapped to the parent's
   * dictionaries, repetitions shifted by {@code repOffset}.
   */
  static void merge(Path file, RawRows into, int repOffset) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(file), 1 << 16))) {
      int[] configOf = codes(ForkLink.readStrings(in), into.configIds(), "config");
      int[] stateOf = codes(ForkLink.readStrings(in), into.stateNames(), "state");
      int n = in.readInt();
      int columns = in.readInt();
      int first = into.size();
      for (int i = 0; i < n; i++) {
        into.addRow();
      }
      for (int k = 0; k < columns; k++) {
        String key = in.readUTF();
        Column c = Column.byCsvKey(key).orElseThrow(
            () -> new IOException("a fork wrote a column this build does not know: " + key));
        for (int i = 0; i < n; i++) {
          into.set(c, first + i, mapped(c, in.readLong(), configOf, stateOf, repOffset));
        }
      }
    }
  }

  /** A child's value in the parent's codes and repetition numbers. */
  private static long mapped(Column c, long v, int[] configOf, int[] stateOf, int repOffset) {
    switch (c) {
      case CONFIG: return configOf[(int) v];
      case REP: return v + repOffset;
      case FROM_STATE:
      case TO_STATE:
        return stateOf[(int) v];
      default: return v;
    }
  }

  private static int[] codes(List<String> names, List<String> into, String what)
      throws IOException {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = into.indexOf(names.get(i));
      if (out[i] < 0) {
        throw new IOException("a fork wrote a " + what + " this run does not have: "
            + names.get(i));
      }
    }
    return out;
  }
}

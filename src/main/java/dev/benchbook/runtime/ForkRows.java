package dev.benchbook.runtime;

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

  /** Writes the rows with their dictionaries. */
  static void write(RawRows rows, Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(file), 1 << 16))) {
      ForkLink.writeStrings(out, rows.configIds());
      ForkLink.writeStrings(out, rows.stateNames());
      int n = rows.size();
      out.writeInt(n);
      for (int[] column : List.of(rows.config(), rows.rep(), rows.worker(), rows.fileId(),
          rows.retries())) {
        for (int i = 0; i < n; i++) {
          out.writeInt(column[i]);
        }
      }
      for (byte[] column : List.of(rows.fromState(), rows.toState(), rows.outcome())) {
        out.write(column, 0, n);
      }
      for (long[] column : List.of(rows.startNs(), rows.fsmDispatchNs(), rows.apiNs(),
          rows.lockWaitNs(), rows.dbTotalNs(), rows.fsmNetNs(), rows.totalNs())) {
        for (int i = 0; i < n; i++) {
          out.writeLong(column[i]);
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
      int[][] ints = new int[5][n];
      for (int[] column : ints) {
        for (int i = 0; i < n; i++) {
          column[i] = in.readInt();
        }
      }
      byte[][] bytes = new byte[3][n];
      for (byte[] column : bytes) {
        in.readFully(column);
      }
      long[][] longs = new long[7][n];
      for (long[] column : longs) {
        for (int i = 0; i < n; i++) {
          column[i] = in.readLong();
        }
      }
      for (int i = 0; i < n; i++) {
        into.add(configOf[ints[0][i]], ints[1][i] + repOffset, ints[2][i], ints[3][i],
            stateOf[bytes[0][i]], stateOf[bytes[1][i]], longs[0][i], longs[1][i], longs[2][i],
            longs[3][i], longs[4][i], longs[5][i], longs[6][i], ints[4][i],
            Outcome.of(bytes[2][i]));
      }
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

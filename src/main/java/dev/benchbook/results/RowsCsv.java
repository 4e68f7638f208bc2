package dev.benchbook.results;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The raw-rows file: gzip-compressed CSV whose header names its columns ({@link Column}'s
 * rows-file keys, in {@link Column#inFileOrder()}), text for config ids, state names and outcome
 * labels, plain decimal integers for everything else. Reading follows the header: a timed
 * column a file leaves out is absent from the rows, a column this build does not know is
 * ignored.
 *
 * <p>Writing and reading are hand-written byte loops: no String per number, no regex. See
 * docs/RESULTS-FORMAT.md for the format.
 */
public final class RowsCsv {

  /** File name suffix of raw-rows files. */
  public static final String SUFFIX = ".rows.csv.gz";

  /**
   * The header of a closed-loop run's file in which nothing failed (every column but the
   * open-loop ones, which an open-loop run's file adds, and the error column, which a file
   * holds only when an attempt failed).
   */
  static final String HEADER = header(Column.inFileOrder().stream()
      .filter(Column.closedLoop()::contains).filter(c -> c != Column.ERROR).toList());
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int MAX_NUMBER_CHARS = 20;

  private RowsCsv() {
  }

  /** Writes the rows as a new gzip CSV file; fails when the file already exists. */
  public static void write(RawRows rows, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      writeTo(rows, out);
    }
  }

  /** Writes the rows gzip-compressed to the stream, finishing the gzip data but not closing it. */
  public static void writeTo(RawRows rows, OutputStream out) throws IOException {
    byte[][] configs = encode(rows.configIds(), "config id");
    byte[][] states = encode(rows.stateNames(), "state name");
    byte[][] outcomes = outcomeLabels();
    Column[] columns = rows.columnsInUse().toArray(new Column[0]);
    int rowMax = 2 * (longest(configs) + longest(states)) + 16
        + columns.length * (MAX_NUMBER_CHARS + 1);
    byte[] buf = new byte[Math.max(BUFFER_BYTES, 2 * rowMax)];
    GZIPOutputStream gz = new FastGzip(new NonClosing(out));
    byte[] header = (header(List.of(columns)) + "\n").getBytes(StandardCharsets.US_ASCII);
    gz.write(header);
    int p = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (p > buf.length - rowMax) {
        gz.write(buf, 0, p);
        p = 0;
      }
      p = row(rows, columns, i, buf, p, configs, states, outcomes);
    }
    gz.write(buf, 0, p);
    gz.finish();
    gz.flush();
  }

  /** Reads a raw-rows file (gzip, or plain CSV when the file is not gzip-compressed). */
  public static RawRows read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return RowsCsvParser.parse(file, in, expectedCsvBytes(file));
    }
  }

  /**
   * The CSV size a file should expand to: the gzip trailer's ISIZE (size mod 2^32), capped at
   * 64 times the compressed size, or the file size for plain CSV; only a storage size hint.
   */
  private static long expectedCsvBytes(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(2);
      ch.read(head, 0);
      boolean gzip = size > 18 && (head.get(0) & 0xff) == 0x1f && (head.get(1) & 0xff) == 0x8b;
      if (!gzip) {
        return size;
      }
      ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, size - 4);
      return Math.min(Integer.toUnsignedLong(tail.getInt(0)), size * 64);
    }
  }

  private static String header(java.util.List<Column> columns) {
    return String.join(",", columns.stream().map(Column::csvKey).toList());
  }

  private static int row(RawRows r, Column[] columns, int i, byte[] b, int p, byte[][] configs,
      byte[][] states, byte[][] outcomes) {
    for (Column c : columns) {
      switch (c) {
        case CONFIG -> p = text(b, p, configs[r.config()[i]]);
        case FROM_STATE -> p = text(b, p, states[r.fromState()[i]]);
        case TO_STATE -> p = text(b, p, states[r.toState()[i]]);
        case OUTCOME -> p = text(b, p, outcomes[r.outcome()[i]]);
        default -> p = number(b, p, r.get(c, i), i, c.csvKey());
      }
    }
    b[p - 1] = '\n';
    return p;
  }

  private static int text(byte[] b, int p, byte[] value) {
    System.arraycopy(value, 0, b, p, value.length);
    p += value.length;
    b[p++] = ',';
    return p;
  }

  private static int number(byte[] b, int p, long value, int row, String column) {
    if (value < 0) {
      throw new IllegalArgumentException("raw row " + row + ", column " + column
          + ": expected a non-negative integer, found " + value);
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    int end = p + digits;
    long v = value;
    for (int q = end - 1; q >= p; q--) {
      b[q] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    }
    b[end] = ',';
    return end + 1;
  }

  private static byte[][] encode(List<String> values, String what) {
    byte[][] out = new byte[values.size()][];
    for (int i = 0; i < out.length; i++) {
      String v = values.get(i);
      if (v.isEmpty() || v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
        throw new IllegalArgumentException(what + " must be non-empty without comma, quote or "
            + "line break to be written to a raw-rows file, got '" + v + "'");
      }
      out[i] = v.getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static byte[][] outcomeLabels() {
    Outcome[] all = Outcome.values();
    byte[][] out = new byte[all.length][];
    for (Outcome o : all) {
      out[o.ordinal()] = o.label().getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }

  private static int longest(byte[][] values) {
    int max = 0;
    for (byte[] v : values) {
      max = Math.max(max, v.length);
    }
    return max;
  }

  /**
   * gzip at Deflater.BEST_SPEED: on 1,000,000 rows about 6x faster to write than the default
   * level for a file about 10% larger, and no slower to read.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, BUFFER_BYTES);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /** Lets the gzip stream finish without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

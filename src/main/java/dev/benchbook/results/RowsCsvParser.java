package dev.benchbook.results;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Hand-written byte parser of raw-rows CSV, driven by the file's header: every column it names
 * that {@link Column} knows is read, a timed column it leaves out is absent from the rows (not
 * zero), and a column it names that this build does not know is skipped (ignored, not kept).
 * One instance per file, not thread-safe.
 */
final class RowsCsvParser {

  private static final int GZIP_INPUT_BYTES = 1 << 16;
  private static final int MAX_STATES = 128;
  private static final byte[][] OUTCOMES = outcomeLabels();
  private static final int STAGING_ROWS = 1 << 17;
  private static final byte IGNORE = 0;
  private static final byte CONFIG = 1;
  private static final byte FROM = 2;
  private static final byte TO = 3;
  private static final byte OUTCOME = 4;
  private static final byte INT = 5;
  private static final byte LONG = 6;
  private static final Executor STORAGE_THREAD = task -> {
    Thread t = new Thread(task, "benchbook-rows-storage");
    t.setDaemon(true);
    t.start();
  };

  private final Path file;
  private final InputStream in;
  private byte[] buf;
  private int pos;
  private int lim;
  private long line;
  private int column;
  private int fieldStart;
  private int fieldHash;
  private final Dictionary configs = new Dictionary();
  private final Dictionary states = new Dictionary();
  private final Dictionary outcomes = new Dictionary();
  /** Per field of the header: what to do with it. */
  private byte[] action;
  /** Per field: the column it fills, null when ignored. */
  private Column[] fields;
  private String[] fieldNames = new String[0];
  private int fieldCount;
  private Set<Column> present;
  private long[][] longTargets;
  private int[][] intTargets;
  private byte[] configTarget;
  private final long sizeHintBytes;
  private RawRows rows;
  private CompletableFuture<RawRows> storage;

  private RowsCsvParser(Path file, InputStream in, long sizeHintBytes) {
    this.file = file;
    this.in = in;
    this.sizeHintBytes = sizeHintBytes;
    this.buf = new byte[AsyncInputStream.chunkBytes(sizeHintBytes)];
    for (byte[] label : OUTCOMES) {
      outcomes.add(label, 0, label.length, hashOf(label));
    }
  }

  /**
   * Parses a whole file: gzip when it starts with the gzip magic, plain CSV otherwise.
   * {@code sizeHintBytes} is the expected CSV size (0 when unknown); it sizes the row storage
   * once, because touching fresh memory is a large part of the cost.
   */
  static RawRows parse(Path file, InputStream raw, long sizeHintBytes) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(raw, 2);
    int b0 = peek.read();
    int b1 = b0 < 0 ? -1 : peek.read();
    if (b1 >= 0) {
      peek.unread(b1);
    }
    if (b0 >= 0) {
      peek.unread(b0);
    }
    boolean gzip = b0 == 0x1f && b1 == 0x8b;
    try (InputStream in = gzip ? new AsyncInputStream(new GZIPInputStream(peek, GZIP_INPUT_BYTES),
        sizeHintBytes)
        : peek) {
      return new RowsCsvParser(file, in, sizeHintBytes).parseAll();
    } catch (EOFException e) {
      throw new ResultsFormatException(new Problem(file, "",
          "expected complete gzip data, found it truncated (file cut short)"));
    } catch (ZipException e) {
      throw new ResultsFormatException(new Problem(file, "",
          "expected valid gzip data, found corrupt data (" + e.getMessage() + ")"));
    }
  }

  /**
   * Reads the input in large chunks and parses every complete line of a chunk with a plain
   * index; the incomplete tail moves to the front of the buffer for the next chunk.
   */
  private RawRows parseAll() throws IOException {
    boolean eof = false;
    while (!eof) {
      eof = fill();
      adoptStorage(false);
      int end = lastNewline();
      if (eof && lim > 0 && end < lim - 1) {
        buf = lim == buf.length ? Arrays.copyOf(buf, lim + 1) : buf;
        buf[lim++] = '\n';
        end = lim - 1;
      }
      if (end < 0 && buf.length - lim < buf.length / 2) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      parseLines(end);
      lim -= pos;
      System.arraycopy(buf, pos, buf, 0, lim);
      pos = 0;
    }
    if (line == 0) {
      throw problem("line 1", "expected a header naming the columns (" + RowsCsv.HEADER
          + "), found an empty file");
    }
    return rows.withDictionaries(configs.names, states.names);
  }

  /**
   * Starts allocating the full row storage on another thread (touching fresh memory is slow)
   * while the first rows go to a small staging storage.
   */
  private void startStorage(int expectedRows) {
    int staging = Math.min(expectedRows, STAGING_ROWS);
    Set<Column> columns = present;
    rows = new RawRows(List.of(), List.of(), staging, columns);
    if (expectedRows > staging) {
      storage = CompletableFuture.supplyAsync(
          () -> new RawRows(List.of(), List.of(), expectedRows, columns), STORAGE_THREAD);
    }
    targets();
  }

  /** Moves the staged rows into the full storage once it is ready (or must be waited for). */
  private void adoptStorage(boolean wait) {
    if (storage == null || !(wait || storage.isDone())) {
      return;
    }
    RawRows full = storage.join();
    full.addAll(rows);
    rows = full;
    storage = null;
    targets();
  }

  /** Rows expected from the size hint and the mean line length of the first chunk. */
  private int estimateRows() {
    int lines = 0;
    for (int i = 0; i < lim; i++) {
      if (buf[i] == '\n') {
        lines++;
      }
    }
    if (lines < 2 || sizeHintBytes <= lim) {
      return Math.max(lines, 1024);
    }
    double bytesPerLine = (double) lim / lines;
    return (int) Math.min(Integer.MAX_VALUE - 8, sizeHintBytes / bytesPerLine * 1.01 + 1024);
  }

  private void parseLines(int end) {
    while (pos <= end) {
      if (storage != null && rows.size() == STAGING_ROWS) {
        adoptStorage(true);
      }
      line++;
      if (line == 1) {
        header();
      } else {
        row();
      }
    }
  }

  /** Fills the buffer after the carried-over tail; true at end of input. */
  private boolean fill() throws IOException {
    while (lim < buf.length) {
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        return true;
      }
      lim += n;
    }
    return false;
  }

  private int lastNewline() {
    for (int i = lim - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void header() {
    int eol = pos;
    while (buf[eol] != '\n') {
      eol++;
    }
    int n = eol > pos && buf[eol - 1] == '\r' ? eol - 1 - pos : eol - pos;
    String text = new String(buf, pos, n, StandardCharsets.UTF_8);
    fieldNames = text.split(",", -1);
    fieldCount = fieldNames.length;
    fields = new Column[fieldCount];
    action = new byte[fieldCount];
    present = EnumSet.noneOf(Column.class);
    for (int k = 0; k < fieldCount; k++) {
      headerField(k, text);
    }
    List<String> missing = new ArrayList<>();
    for (Column c : Column.inFileOrder()) {
      if (!c.optional() && !present.contains(c)) {
        missing.add(c.csvKey());
      }
    }
    if (!missing.isEmpty()) {
      throw problem("line 1", "expected a header naming the columns " + RowsCsv.HEADER
          + " (timed columns may be left out), found " + quote(buf, pos, n) + ", which lacks "
          + String.join(", ", missing));
    }
    startStorage(estimateRows());
    pos = eol + 1;
  }

  /** Reads the header's field k: a known column once, or an unknown one to skip. */
  private void headerField(int k, String text) {
    String name = fieldNames[k];
    if (name.isEmpty() || name.indexOf('"') >= 0) {
      throw problem("line 1", "expected unquoted, non-empty column names, found "
          + quote(text.getBytes(StandardCharsets.UTF_8), 0, text.length()));
    }
    Column c = Column.byCsvKey(name).orElse(null);
    if (c != null && !present.add(c)) {
      throw problem("line 1", "expected each column once, found " + name + " twice");
    }
    fields[k] = c;
    action[k] = c == null ? IGNORE : actionOf(c);
  }

  private static byte actionOf(Column c) {
    switch (c) {
      case CONFIG: return CONFIG;
      case FROM_STATE: return FROM;
      case TO_STATE: return TO;
      case OUTCOME: return OUTCOME;
      default: return c.storage() == Column.Storage.LONG ? LONG : INT;
    }
  }

  /** Caches the arrays each field fills (after the storage changed). */
  private void targets() {
    longTargets = new long[fieldCount][];
    intTargets = new int[fieldCount][];
    for (int k = 0; k < fieldCount; k++) {
      if (action[k] == LONG) {
        longTargets[k] = rows.longs(fields[k]);
      } else if (action[k] == INT || action[k] == CONFIG) {
        intTargets[k] = rows.ints(fields[k]);
      }
    }
  }

  private void row() {
    column = 0;
    if (rows.room() == 0) {
      rows.ensureCapacity(rows.size() + 1);
      targets();
    }
    int r = rows.addRow();
    byte[] from = rows.fromState();
    byte[] to = rows.toState();
    byte[] outcome = rows.outcome();
    for (int k = 0; k < fieldCount; k++) {
      switch (action[k]) {
        case LONG -> longTargets[k][r] = number(Long.MAX_VALUE);
        case INT -> intTargets[k][r] = (int) number(Integer.MAX_VALUE);
        case CONFIG -> intTargets[k][r] = configs.code(text());
        case FROM -> from[r] = (byte) state();
        case TO -> to[r] = (byte) state();
        case OUTCOME -> outcome[r] = (byte) outcome();
        default -> skip();
      }
    }
  }

  /** Skips a field of a column this build does not know. */
  private void skip() {
    column++;
    int i = pos;
    int c = buf[i];
    while (c != ',' && c != '\n' && c != '\r') {
      if (c == '"') {
        throw problem(where(), "expected unquoted text, found a quote character");
      }
      c = buf[++i];
    }
    separator(i);
  }

  private int state() {
    int code = states.code(text());
    if (code >= MAX_STATES) {
      throw problem(where(), "expected at most " + MAX_STATES + " distinct state names, found more");
    }
    return code;
  }

  private int outcome() {
    int len = text();
    int code = outcomes.find(fieldStart, len, fieldHash);
    if (code < 0) {
      throw problem(where(), "expected one of committed, conflict, busy, rolled_back, failed, "
          + "found "
          + quote(buf, fieldStart, len));
    }
    return code;
  }

  /** Scans one text field starting at pos, consumes its separator, returns its length. */
  private int text() {
    column++;
    byte[] b = buf;
    int start = pos;
    fieldStart = start;
    int i = start;
    int h = 0;
    int c = b[i] & 0xff;
    while (c != ',' && c != '\n' && c != '\r') {
      if (c == '"') {
        throw problem(where(), "expected unquoted text, found a quote character");
      }
      h = 31 * h + c;
      c = b[++i] & 0xff;
    }
    fieldHash = h;
    if (i == start) {
      throw problem(where(), "expected " + what() + ", found an empty field");
    }
    separator(i);
    return i - start;
  }

  /** Reads one non-negative decimal integer no larger than max and consumes its separator. */
  private long number(long max) {
    column++;
    byte[] b = buf;
    int start = pos;
    int i = start;
    long v = 0;
    int c = b[i];
    while (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      c = b[++i];
    }
    int digits = i - start;
    if (digits == 0 || c != ',' && c != '\n' && c != '\r') {
      throw badNumber(start);
    }
    if (digits > 18 && (digits > 19 || v < 0) || v > max) {
      throw problem(where(), "expected an integer no larger than " + max + ", found "
          + quote(buf, start, digits));
    }
    separator(i);
    return v;
  }

  /** Checks the separator at index i and moves pos past it. */
  private void separator(int i) {
    boolean last = column == fieldCount;
    int c = buf[i];
    if (c == ',' && !last) {
      pos = i + 1;
      return;
    }
    if (c == '\r') {
      c = buf[++i];
      if (c != '\n') {
        throw problem(where(), "expected a line feed after a carriage return");
      }
    }
    if (c == ',') {
      throw problem(where(), "expected the end of the line after " + fieldCount
          + " columns, found more columns");
    }
    if (!last) {
      throw problem(where(), "expected " + fieldCount + " columns, found " + column);
    }
    pos = i + 1;
  }

  private ResultsFormatException badNumber(int start) {
    int i = start;
    while (buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r') {
      i++;
    }
    String found = i == start ? "an empty field" : quote(buf, start, i - start);
    return problem(where(), "expected a non-negative integer, found " + found);
  }

  private String where() {
    return "line " + line + ", column " + column + " (" + fieldNames[column - 1] + ")";
  }

  private String what() {
    switch (action[column - 1]) {
      case CONFIG: return "a config id";
      case OUTCOME: return "an outcome label";
      default: return "a state name";
    }
  }

  private ResultsFormatException problem(String where, String message) {
    return new ResultsFormatException(new Problem(file, where, message));
  }

  private static String quote(byte[] b, int from, int n) {
    String s = new String(b, from, Math.min(n, 80), StandardCharsets.UTF_8);
    return "\"" + s + (n > 80 ? "..." : "") + "\"";
  }

  private static byte[][] outcomeLabels() {
    Outcome[] all = Outcome.values();
    byte[][] out = new byte[all.length][];
    for (Outcome o : all) {
      out[o.ordinal()] = o.label().getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }

  /**
   * Text values in order of first appearance, found by the hash computed while scanning and a
   * byte comparison (no String per field).
   */
  private final class Dictionary {
    final List<String> names = new ArrayList<>();
    private byte[][] bytes = new byte[16][];
    private int[] table = new int[64];

    /** Code of the text field just scanned (at fieldStart, hash fieldHash); adds new values. */
    int code(int len) {
      int found = find(fieldStart, len, fieldHash);
      return found >= 0 ? found : add(buf, fieldStart, len, fieldHash);
    }

    /** Code of the field, or -1 when it is not in the dictionary. */
    int find(int start, int len, int hash) {
      int mask = table.length - 1;
      for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
        int entry = table[slot];
        if (entry == 0) {
          return -1;
        }
        if (same(bytes[entry - 1], start, len)) {
          return entry - 1;
        }
      }
    }

    /** Adds {@code src[start, start + len)} as the next code. */
    int add(byte[] src, int start, int len, int hash) {
      int code = names.size();
      if (code == bytes.length) {
        bytes = Arrays.copyOf(bytes, code * 2);
      }
      bytes[code] = Arrays.copyOfRange(src, start, start + len);
      names.add(new String(src, start, len, StandardCharsets.UTF_8));
      if (2 * (code + 1) > table.length) {
        rehash();
      } else {
        insert(code, hash);
      }
      return code;
    }

    private void rehash() {
      table = new int[table.length * 2];
      for (int c = 0; c < names.size(); c++) {
        insert(c, hashOf(bytes[c]));
      }
    }

    private void insert(int code, int hash) {
      int mask = table.length - 1;
      int slot = spread(hash) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = code + 1;
    }

    private boolean same(byte[] entry, int start, int len) {
      if (entry.length != len) {
        return false;
      }
      byte[] b = buf;
      for (int k = 0; k < len; k++) {
        if (b[start + k] != entry[k]) {
          return false;
        }
      }
      return true;
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The hash {@link #text()} computes while scanning. */
  static int hashOf(byte[] value) {
    int h = 0;
    for (byte c : value) {
      h = 31 * h + (c & 0xff);
    }
    return h;
  }
}

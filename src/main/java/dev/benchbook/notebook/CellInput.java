package dev.benchbook.notebook;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code System.in} while cells run: a read asks the running cell's front end for a line
 * ({@link CellListener#input}, Jupyter's {@code input_request}); where the front end takes no
 * input, the cell reads end of file and its stderr says why, once per cell. Between cells it
 * reads the process's own standard input.
 */
final class CellInput extends InputStream {

  /** The line the cell's stderr gets when its front end takes no input. */
  static final String NO_INPUT = "benchbook: System.in is at end of file: this front end takes "
      + "no input (headless runs and clients with allow_stdin false); in Jupyter run the cell "
      + "interactively to get an input box";

  private final InputStream host;
  private byte[] line = new byte[0];
  private int next;
  private CellListener warned;

  CellInput(InputStream host) {
    this.host = host;
  }

  @Override
  public synchronized int read() throws java.io.IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws java.io.IOException {
    CellListener cell = CellStreams.current();
    if (cell == null) {
      return host.read(b, off, len);
    }
    if (len == 0) {
      return 0;
    }
    if (next >= line.length && !ask(cell)) {
      return -1;
    }
    int n = Math.min(len, line.length - next);
    System.arraycopy(line, next, b, off, n);
    next += n;
    return n;
  }

  @Override
  public synchronized int available() throws java.io.IOException {
    return CellStreams.current() == null ? host.available() : line.length - next;
  }

  private boolean ask(CellListener cell) {
    CellStreams.flush();
    Optional<String> typed = cell.input("");
    if (typed.isEmpty()) {
      if (warned != cell) {
        warned = cell;
        System.err.println(NO_INPUT);
        CellStreams.flush();
      }
      return false;
    }
    line = (typed.get() + "\n").getBytes(StandardCharsets.UTF_8);
    next = 0;
    return true;
  }
}

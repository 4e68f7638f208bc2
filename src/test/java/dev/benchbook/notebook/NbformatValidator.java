package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates notebooks with nbformat's own validator and JSON schema (Debian's python3-nbformat,
 * run by /usr/bin/python3; .ci/run installs it). Fails, never skips, when it is missing.
 */
final class NbformatValidator {

  private static final String SCRIPT = "import sys, nbformat\n"
      + "for f in sys.argv[1:]:\n"
      + "    nbformat.validate(nbformat.read(f, as_version=nbformat.NO_CONVERT))\n"
      + "print('valid', len(sys.argv) - 1)\n";

  private NbformatValidator() {
  }

  /** Asserts every file is a valid nbformat 4 notebook. */
  static void assertValid(List<Path> files) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", SCRIPT));
    files.forEach(f -> cmd.add(f.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> "nbformat validation failed (is python3-nbformat "
        + "installed? apt-get install python3-nbformat):\n" + out);
    assertEquals("valid " + files.size(), out.strip());
  }
}

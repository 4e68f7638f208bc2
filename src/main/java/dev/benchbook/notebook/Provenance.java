package dev.benchbook.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.results.Json;
import dev.benchbook.runtime.MachineInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a written notebook was made, as papermill records it, under {@code metadata.benchbook}:
 * benchbook's version and commit, the notebook run, the {@code -p} parameters as typed values,
 * and every input file with its SHA-256. Nothing in it changes from run to run with the same
 * code and data, so the written bytes stay the same; times are added only when asked.
 */
final class Provenance {

  /** The metadata key. */
  static final String KEY = "benchbook";

  private Provenance() {
  }

  /** The record of one run. */
  static ObjectNode of(Optional<Path> notebook, Map<String, Object> parameters,
      Set<Path> inputs) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("version", MachineInfo.TOOL_VERSION);
    MachineInfo.checkoutCommit().ifPresent(c -> out.put("commit", c));
    MachineInfo.checkoutDirty().ifPresent(d -> out.put("dirty", d));
    notebook.ifPresent(n -> out.put("notebook", shown(n)));
    out.set("parameters", Json.MAPPER.valueToTree(parameters));
    ArrayNode files = out.putArray("inputs");
    for (Path p : inputs) {
      ObjectNode f = files.addObject();
      f.put("path", shown(p));
      f.put("sha256", sha256(p));
      f.put("bytes", size(p));
    }
    return out;
  }

  /** Adds {@code start_time}, {@code end_time} (ISO-8601 UTC) and {@code duration_s}. */
  static void times(ObjectNode record, Instant start, Instant end) {
    record.put("start_time", start.toString());
    record.put("end_time", end.toString());
    record.put("duration_s", Duration.between(start, end).toNanos() / 1e9);
  }

  /** A path relative to the working directory when it is under it, '/' separated. */
  static String shown(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  /** The SHA-256 of a file's bytes, in hex. */
  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

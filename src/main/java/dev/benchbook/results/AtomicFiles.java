package dev.benchbook.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Temp files readable like ordinary files, and atomic replacement of generated files. */
public final class AtomicFiles {

  private AtomicFiles() {
  }

  /**
   * A new temp file in {@code dir} with the permissions of an ordinary file (rw-r--r--), since
   * it becomes a published file by rename and createTempFile alone would leave it rw-------.
   */
  public static Path tempFile(Path dir, String prefix) throws IOException {
    Path tmp = Files.createTempFile(dir, prefix, ".tmp");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    return tmp;
  }

  /** Writes bytes to a temp file beside {@code target}, then renames it over {@code target}. */
  public static void replace(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = tempFile(dir, "." + target.getFileName());
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

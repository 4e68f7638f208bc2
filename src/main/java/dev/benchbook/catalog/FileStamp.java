package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Size and modification time of a results file and of the raw-rows file it names: the cheap
 * first test of whether a file changed since it was imported.
 *
 * @param jsonSize bytes of the JSON file
 * @param jsonMtimeNs its modification time, ns since the epoch
 * @param rowsPath the raw-rows file name the JSON gives, or null when it gives none
 * @param rowsSize bytes of that file, -1 when it is missing
 * @param rowsMtimeNs its modification time, -1 when it is missing
 */
record FileStamp(long jsonSize, long jsonMtimeNs, String rowsPath, long rowsSize,
    long rowsMtimeNs) {

  /** Stats the JSON file and, when {@code rowsPath} is not null, the rows file beside it. */
  static FileStamp of(Path json, String rowsPath) throws IOException {
    BasicFileAttributes a = Files.readAttributes(json, BasicFileAttributes.class);
    long rowsSize = -1;
    long rowsMtime = -1;
    if (rowsPath != null) {
      try {
        BasicFileAttributes r = Files.readAttributes(json.resolveSibling(rowsPath),
            BasicFileAttributes.class);
        rowsSize = r.size();
        rowsMtime = r.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      } catch (NoSuchFileException e) {
        // missing rows file: recorded as -1, the reader reports it
      }
    }
    return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), rowsPath,
        rowsSize, rowsMtime);
  }
}

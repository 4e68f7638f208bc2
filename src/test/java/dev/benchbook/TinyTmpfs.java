package dev.benchbook;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A 200 KB tmpfs mounted on a fresh folder, for full-disk tests; the test is skipped where
 * mounting is not allowed (not root, or a kernel that refuses it). Unmounted on close.
 */
public final class TinyTmpfs implements AutoCloseable {

  private final Path mount;

  private TinyTmpfs(Path mount) {
    this.mount = mount;
  }

  /** Mounts a 200 KB tmpfs on {@code parent/full}, or skips the calling test. */
  public static TinyTmpfs under(Path parent) throws IOException, InterruptedException {
    Path mount = Files.createDirectories(parent.resolve("full"));
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs",
        mount.toString()).redirectErrorStream(true).start();
    boolean mounted = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    assumeTrue(mounted, "mounting a tmpfs needs root and a kernel that allows it");
    return new TinyTmpfs(mount);
  }

  /** The mounted folder. */
  public Path path() {
    return mount;
  }

  /** Unmounts the tmpfs. */
  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
  }
}

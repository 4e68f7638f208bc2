package dev.benchbook.kernel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Jupyter looks for kernelspecs: the user's data directory or under a prefix. */
public final class KernelDirs {

  private KernelDirs() {
  }

  /**
   * The user's kernels directory as Jupyter computes it: {@code $JUPYTER_DATA_DIR/kernels},
   * else {@code ~/Library/Jupyter/kernels} (macOS), {@code %APPDATA%\jupyter\kernels}
   * (Windows), {@code $XDG_DATA_HOME/jupyter/kernels} or {@code ~/.local/share/jupyter/kernels}.
   */
  public static Path user(Map<String, String> env, String osName, Path home) {
    String dataDir = env.get("JUPYTER_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) {
      return Path.of(dataDir).toAbsolutePath().resolve("kernels");
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return home.resolve("Library").resolve("Jupyter").resolve("kernels");
    }
    if (os.contains("win") && env.get("APPDATA") != null) {
      return Path.of(env.get("APPDATA")).resolve("jupyter").resolve("kernels");
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
    return data.resolve("jupyter").resolve("kernels");
  }

  /** The user's kernels directory for this process's environment. */
  public static Path user() {
    return user(System.getenv(), System.getProperty("os.name"),
        Path.of(System.getProperty("user.home")));
  }

  /** {@code PREFIX/share/jupyter/kernels}, as {@code jupyter kernelspec install --prefix}. */
  public static Path underPrefix(Path prefix) {
    return prefix.toAbsolutePath().normalize().resolve("share").resolve("jupyter")
        .resolve("kernels");
  }

  /** The JUPYTER_PATH entry that makes Jupyter find kernels installed under a prefix. */
  public static Path jupyterPathFor(Path prefix) {
    return prefix.toAbsolutePath().normalize().resolve("share").resolve("jupyter");
  }
}

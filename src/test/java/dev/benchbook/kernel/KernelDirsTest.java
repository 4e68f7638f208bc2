package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user's kernels directory follows Jupyter's rules per platform and environment. */
class KernelDirsTest {

  private final Path home = Path.of("/home/ada");

  @Test
  void linuxUsesXdgDataHomeOrLocalShare() {
    assertEquals(Path.of("/home/ada/.local/share/jupyter/kernels"),
        KernelDirs.user(Map.of(), "Linux", home));
    assertEquals(Path.of("/xdg/jupyter/kernels"),
        KernelDirs.user(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", home));
  }

  @Test
  void jupyterDataDirWinsEverywhere() {
    assertEquals(Path.of("/jd/kernels"),
        KernelDirs.user(Map.of("JUPYTER_DATA_DIR", "/jd", "XDG_DATA_HOME", "/x"), "Linux", home));
    assertEquals(Path.of("/jd/kernels"),
        KernelDirs.user(Map.of("JUPYTER_DATA_DIR", "/jd"), "Mac OS X", home));
  }

  @Test
  void macUsesLibraryJupyter() {
    assertEquals(Path.of("/home/ada/Library/Jupyter/kernels"),
        KernelDirs.user(Map.of(), "Mac OS X", home));
  }

  @Test
  void prefixLayoutMatchesJupyterKernelspecInstall() {
    assertEquals(Path.of("/opt/p/share/jupyter/kernels"), KernelDirs.underPrefix(Path.of("/opt/p")));
    assertEquals(Path.of("/opt/p/share/jupyter"), KernelDirs.jupyterPathFor(Path.of("/opt/p/")));
  }
}

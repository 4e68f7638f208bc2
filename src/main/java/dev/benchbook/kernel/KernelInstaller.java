package dev.benchbook.kernel;

import dev.benchbook.results.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Writes and removes benchbook's kernelspec; never touches a kernelspec it did not write. */
public final class KernelInstaller {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]+");
  private static final String FILE = "kernel.json";

  private KernelInstaller() {
  }

  /** A kernelspec could not be installed or removed; the message is the one line to print. */
  public static final class KernelSpecException extends Exception {

    private static final long serialVersionUID = 1L;

    KernelSpecException(String message) {
      super(message, null, false, false);
    }
  }

  /** Rejects names Jupyter would not accept (letters, digits, '.', '_' and '-'). */
  public static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("--name: '" + name
          + "' is not a kernel name (expected letters, digits, '.', '_' or '-')");
    }
  }

  /**
   * Writes {@code kernelsDir/name/kernel.json} atomically and returns its folder; replaces a
   * spec benchbook wrote, and one it did not only with {@code force}.
   */
  public static Path install(Path kernelsDir, String name, KernelSpec spec, boolean force)
      throws IOException, KernelSpecException {
    checkName(name);
    Path dir = kernelsDir.resolve(name);
    Optional<KernelSpec> existing = read(dir);
    if (existing.isPresent() && !existing.get().writtenByBenchbook() && !force) {
      throw new KernelSpecException("kernel '" + name + "' in " + dir + " was not installed by "
          + "benchbook (display name '" + existing.get().displayName() + "'); keep it and pick "
          + "another name with --name, or replace it with --force");
    }
    Files.createDirectories(dir);
    AtomicFiles.replace(dir.resolve(FILE), spec.toJson().getBytes(StandardCharsets.UTF_8));
    return dir;
  }

  /** Removes the kernelspec benchbook wrote as {@code name}; returns the removed folder. */
  public static Path uninstall(Path kernelsDir, String name)
      throws IOException, KernelSpecException {
    checkName(name);
    Path dir = kernelsDir.resolve(name);
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new KernelSpecException("no kernel '" + name + "' in " + kernelsDir);
    }
    Optional<KernelSpec> existing = read(dir);
    if (existing.isEmpty() || !existing.get().writtenByBenchbook()) {
      throw new KernelSpecException("kernel '" + name + "' in " + dir
          + " was not installed by benchbook; left in place");
    }
    Files.delete(file);
    try (var rest = Files.list(dir)) {
      if (rest.findAny().isEmpty()) {
        Files.delete(dir);
      }
    }
    return dir;
  }

  /** The spec in {@code dir/kernel.json}, if there is a readable one. */
  public static Optional<KernelSpec> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return KernelSpec.parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * The absolute class path the kernel runs from: the jar holding benchbook when it runs from
   * one (target/benchbook.jar), else this JVM's class path (classes folders, from an IDE).
   */
  public static List<Path> runningClassPath() {
    Path source = codeSource();
    if (Files.isRegularFile(source)) {
      return List.of(source);
    }
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize())
        .toList();
  }

  /** The java launcher of the running JVM. */
  public static Path runningJava() {
    return dev.benchbook.runtime.JavaProcess.java();
  }

  private static Path codeSource() {
    try {
      return Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("benchbook's own location is not a path", e);
    }
  }
}

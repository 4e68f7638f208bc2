package dev.benchbook.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Test helper: runs a command to its end with a time limit, stdout and stderr merged. */
final class Processes {

  private Processes() {
  }

  /** What a command gave: exit code (-1 when it ran over its time and was killed) and output. */
  record Result(int code, String output) {

    /** Describes the run for assertion messages. */
    String describe(List<String> command) {
      return String.join(" ", command) + "\nexit " + code + "\n" + output;
    }
  }

  /** Runs {@code command} in {@code dir} with {@code env} added to this process's environment. */
  static Result run(List<String> command, Path dir, Map<String, String> env, long timeoutS)
      throws IOException, InterruptedException {
    return start(command, dir, env).await(timeoutS);
  }

  /** Starts {@code command}; {@link Running#await} collects its result. */
  static Running start(List<String> command, Path dir, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    p.getOutputStream().close();
    return new Running(p);
  }

  /** A started command whose output is read as it comes. */
  static final class Running {

    private final Process process;
    private final Thread drain;
    private volatile byte[] output;

    Running(Process process) {
      this.process = process;
      this.drain = new Thread(this::drain, "drain-" + process.pid());
      drain.start();
    }

    private void drain() {
      try {
        output = process.getInputStream().readAllBytes();
      } catch (IOException e) {
        output = ("output not readable: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
      }
    }

    /** Waits up to {@code timeoutS} for the end; kills the command and its children after. */
    Result await(long timeoutS) throws InterruptedException {
      boolean ended = process.waitFor(timeoutS, TimeUnit.SECONDS);
      if (!ended) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      drain.join(10_000);
      byte[] bytes = output;
      String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
      return new Result(ended ? process.exitValue() : -1, text);
    }
  }
}

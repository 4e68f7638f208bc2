package dev.benchbook.notebook;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link KeepingExecutionControl} of an {@link Evaluator}. */
final class KeepingProvider implements ExecutionControlProvider {

  private final KeepingExecutionControl control;

  KeepingProvider(KeepingExecutionControl control) {
    this.control = control;
  }

  @Override
  public String name() {
    return "benchbook-in-process";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return control;
  }
}

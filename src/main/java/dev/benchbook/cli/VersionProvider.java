package dev.benchbook.cli;

import dev.benchbook.runtime.MachineInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints benchbook's version. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"benchbook " + MachineInfo.TOOL_VERSION};
  }
}

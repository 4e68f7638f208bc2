package dev.benchbook.kernel;

import dev.benchbook.runtime.MachineInfo;
import java.util.List;
import java.util.Map;

/** The kernel_info_reply content: protocol, implementation, language and banner. */
final class KernelInfo {

  /** The Jupyter messaging protocol version the kernel speaks (jjava's messages). */
  static final String PROTOCOL = "5.3";

  private KernelInfo() {
  }

  /** The reply, with {@code "status": "ok"}. */
  static Map<String, Object> reply() {
    String java = System.getProperty("java.version");
    int feature = Runtime.version().feature();
    return Messages.ok("protocol_version", PROTOCOL, "implementation", "benchbook",
        "implementation_version", MachineInfo.TOOL_VERSION,
        "language_info", Messages.of("name", "java", "version", java,
            "mimetype", "text/x-java-source", "file_extension", ".jsh",
            "pygments_lexer", "java", "codemirror_mode", "text/x-java",
            "nbconvert_exporter", "script"),
        "banner", "benchbook " + MachineInfo.TOOL_VERSION + " Java kernel: JShell on Java "
            + java + " with benchbook's API imported; display(obj) shows a value mid-cell",
        "help_links", List.of(Messages.of("text", "Java " + feature + " API",
            "url", "https://docs.oracle.com/en/java/javase/" + feature + "/docs/api/")),
        "debugger", false);
  }
}

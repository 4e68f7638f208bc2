package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The notebook runner's harness: splits like the jshell tool and fails loudly. */
class ScriptShellTest {

  @Test
  void capturesOutputAcrossMultiLineSnippetsAndSkipsCommands() {
    try (ScriptShell shell = new ScriptShell()) {
      shell.run("t", "// a comment\nint x = 20 +\n    22;\nSystem.out.println(\"x=\" + x);\n"
          + "for (int i = 0; i < 2; i++) {\n  System.out.println(i);\n}\n/exit\n");
      assertEquals("x=42\n0\n1\n", shell.output());
    }
  }

  @Test
  void failsOnARejectedSnippetWithItsDiagnostic() {
    try (ScriptShell shell = new ScriptShell()) {
      AssertionError e = assertThrows(AssertionError.class,
          () -> shell.run("bad.jsh", "int y = \"text\";\n"));
      assertTrue(e.getMessage().contains("bad.jsh: snippet REJECTED"), e.getMessage());
      assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
    }
  }

  @Test
  void failsOnAnExceptionNamingIt() {
    try (ScriptShell shell = new ScriptShell()) {
      AssertionError e = assertThrows(AssertionError.class,
          () -> shell.run("boom.jsh", "Integer.parseInt(\"x\");\n"));
      assertTrue(e.getMessage().contains("java.lang.NumberFormatException"), e.getMessage());
    }
  }

  @Test
  void splitsLikeTheJshellToolSoALineEndingAnExpressionEndsTheSnippet() {
    try (ScriptShell shell = new ScriptShell()) {
      assertThrows(AssertionError.class,
          () -> shell.run("split.jsh", "int z = true ? 1\n    : 2;\n"));
    }
  }
}

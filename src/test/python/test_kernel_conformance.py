"""Jupyter's kernel conformance suite (jupyter_kernel_test.KernelTests) against benchbook's
Java kernel, plus the protocol behaviour the suite has no attribute for (interrupt, error
details, magics, no log lines).

Run by src/test/java/dev/benchbook/kernel/JupyterKernelIT.java with Debian's /usr/bin/python3:
    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m pytest -q test_kernel_conformance.py
where <prefix> holds the kernel installed by `benchbook kernel install --prefix <prefix>`.
"""

import os
import time
import unittest

import jupyter_kernel_test

TIMEOUT = 30


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("BENCHBOOK_KERNEL_NAME", "java")
    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.floorD", "matches": {"floorDiv("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]

    complete_code_samples = [
        "1 + 2",
        "int answer = 42;",
        "for (int i = 0; i < 3; i++) {\n  System.out.println(i);\n}",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "String s = \"a\" +",
        "var t = List.of(1,",
    ]
    invalid_code_samples = ["int x = 1; )"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"bench\" + \"book\"", "result": "benchbook"},
        {"code": "Math.max(3, 11)", "result": "11"},
    ]
    code_display_data = [
        {
            "code": "display(new java.awt.image.BufferedImage(4, 4, "
            "java.awt.image.BufferedImage.TYPE_INT_RGB));",
            "mime": "image/png",
        },
        {"code": 'display("shown mid-cell");', "mime": "text/plain"},
    ]
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_generate_error = 'throw new IllegalStateException("boom");'

    # --- what the suite has no attribute for ---------------------------------------------

    def test_benchbook_kernel_info_is_complete(self):
        self.flush_channels()
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["implementation"], "benchbook")
        self.assertEqual(content["language_info"]["name"], "java")
        self.assertIn("benchbook", content["banner"])

    def test_benchbook_error_names_exception_message_and_line(self):
        self.flush_channels()
        reply, output = self.execute_helper('int a = 1;\nObject o = null;\no.toString();')
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "java.lang.NullPointerException")
        self.assertTrue(any("line 3" in line for line in content["traceback"]),
                        content["traceback"])

    def test_benchbook_compile_error_names_the_symbol(self):
        self.flush_channels()
        reply, output = self.execute_helper("int b = 2;\nundefinedThing + 1")
        content = reply["content"]
        self.assertEqual(content["ename"], "CompilationError")
        self.assertIn("undefinedThing", content["evalue"] + "\n".join(content["traceback"]))
        self.assertTrue(any("line 2" in line for line in content["traceback"]),
                        content["traceback"])

    def test_benchbook_interrupt_stops_the_cell_and_keeps_state(self):
        self.flush_channels()
        self.execute_helper("int kept = 41;")
        msg_id = self.kc.execute("while (true) { kept = kept; }")
        time.sleep(1.0)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CellInterrupted")
        self.flush_channels()
        reply, output = self.execute_helper("kept + 1")
        results = [m for m in output if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_benchbook_jars_magic_is_accepted(self):
        self.flush_channels()
        jar = os.environ["BENCHBOOK_JAR"]
        reply, output = self.execute_helper("%jars " + jar + "\n%classpath " + jar + "\n1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in output if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "2")
        reply, output = self.execute_helper("%jars /no/such.jar")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("/no/such.jar", reply["content"]["evalue"])

    def test_benchbook_no_log_lines_in_outputs(self):
        self.flush_channels()
        reply, output = self.execute_helper('System.out.println("only this");')
        text = "".join(m["content"].get("text", "") for m in output if m["msg_type"] == "stream")
        self.assertEqual(text, "only this\n")

    def test_benchbook_a_hundred_thousand_lines_arrive_in_few_messages(self):
        """ipykernel-style batching: every line, a bounded number of stream messages, and the
        kernel idle within seconds (one message per line lost lines to Jupyter's rate limit)."""
        self.flush_channels()
        start = time.monotonic()
        msg_id = self.kc.execute(
            "for (int i = 0; i < 100000; i++) System.out.println(\"line \" + i);\n6 * 7")
        reply = self.kc.get_shell_msg(timeout=120)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        streams, results = [], []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                streams.append(msg["content"]["text"])
            elif msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        idle_s = time.monotonic() - start
        lines = "".join(streams).splitlines()
        self.assertEqual(lines, ["line %d" % i for i in range(100000)])
        self.assertLessEqual(len(streams), 100, "stream messages: %d" % len(streams))
        self.assertEqual(results, ["42"])
        self.assertLess(idle_s, 60, "idle after %.1f s" % idle_s)

    def test_benchbook_stdin_asks_the_front_end(self):
        self.flush_channels()
        msg_id = self.kc.execute(
            'var in = new java.util.Scanner(System.in);\n'
            'System.out.print("name? ");\n'
            '"hello " + in.nextLine()', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.kc.input("benchbook")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        outputs = self.iopub_until_idle(msg_id)
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "name? ")
        results = [m["content"]["data"]["text/plain"] for m in outputs
                   if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["hello benchbook"])

    def test_benchbook_stdin_refused_says_so(self):
        self.flush_channels()
        msg_id = self.kc.execute("System.in.read()", allow_stdin=False)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        output = self.iopub_until_idle(msg_id)
        err = "".join(m["content"]["text"] for m in output
                      if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        self.assertIn("System.in is at end of file: this front end takes no input", err)
        results = [m["content"]["data"]["text/plain"] for m in output
                   if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["-1"])

    def test_benchbook_interrupt_while_waiting_for_input(self):
        self.flush_channels()
        self.execute_helper("int waited = 6;")
        msg_id = self.kc.execute("new Scanner(System.in).nextLine()", allow_stdin=True)
        self.assertEqual(self.kc.get_stdin_msg(timeout=TIMEOUT)["msg_type"], "input_request")
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["ename"], "CellInterrupted")
        self.flush_channels()
        reply, output = self.execute_helper("waited * 7")
        results = [m for m in output if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")
        # stdin still works after the interrupted input (an interrupted read must not break
        # the socket: it used to fail later reads with ZMQException Errno 4)
        msg_id = self.kc.execute("new Scanner(System.in).nextLine().length()", allow_stdin=True)
        self.assertEqual(self.kc.get_stdin_msg(timeout=TIMEOUT)["msg_type"], "input_request")
        self.kc.input("four")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [m["content"]["data"]["text/plain"] for m in self.iopub_until_idle(msg_id)
                   if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["4"])

    def iopub_until_idle(self, msg_id):
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return outputs
            outputs.append(msg)

    def test_benchbook_inspect_shows_the_facade_javadoc(self):
        self.flush_channels()
        code = 'Benchbook.load("x")'
        self.kc.inspect(code, cursor_pos=len("Benchbook.lo"))
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue(reply["content"]["found"])
        text = reply["content"]["data"]["text/plain"]
        self.assertIn("LoadedRun Benchbook.load(String file)", text)
        self.assertIn("Loads and validates one results file", text)

    def test_benchbook_state_survives_between_cells(self):
        self.flush_channels()
        self.execute_helper("var names = new ArrayList<String>();\nnames.add(\"a\");")
        reply, output = self.execute_helper("names.add(\"b\");\nnames")
        results = [m for m in output if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "[a, b]")


if __name__ == "__main__":
    unittest.main()

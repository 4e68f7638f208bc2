"""Times benchbook's Java kernel as Jupyter drives it (jupyter_client, Debian's python3):
start to ready, the first cell, and the round trip of a trivial cell after it.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 src/test/python/kernel_latency.py \
        [--kernel java] [--cells 200] [--starts 5]

"ready" is jupyter_client's own test: the kernel answered a kernel_info request. A round trip is
execute request sent -> execute_reply received and the kernel back to idle on iopub, with the
execute_result received. Prints medians (and min/max) in milliseconds, and the kernel
process's CPU time per round trip (user + system, from /proc) over the first session's cells.
"""

import argparse
import os
import statistics
import time

from jupyter_client.manager import KernelManager


def run_cell(kc, code):
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=60)
    while reply["msg_type"] == "kernel_info_reply":  # left over from wait_for_ready
        reply = kc.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id, reply
    assert reply["content"]["status"] == "ok", reply["content"]
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_session(kernel, cells):
    km = KernelManager(kernel_name=kernel)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    ready = time.perf_counter() - t0
    t1 = time.perf_counter()
    run_cell(kc, "6*7")
    first = time.perf_counter() - t1
    trips = []
    pid = km.provisioner.process.pid
    cpu0 = cpu_seconds(pid)
    for _ in range(cells):
        t = time.perf_counter()
        run_cell(kc, "6*7")
        trips.append(time.perf_counter() - t)
    cpu = (cpu_seconds(pid) - cpu0) / max(1, cells)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    return ready, first, trips, cpu


def ms(values):
    return "median %.1f ms (min %.1f, max %.1f, n=%d)" % (
        1000 * statistics.median(values), 1000 * min(values), 1000 * max(values), len(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", default="java")
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    readies, firsts, trips, cpu = [], [], [], 0.0
    for i in range(args.starts):
        ready, first, t, c = one_session(args.kernel, args.cells if i == 0 else 0)
        readies.append(ready)
        firsts.append(first)
        trips.extend(t)
        cpu = c if i == 0 else cpu
    print("kernel %s" % args.kernel)
    print("start -> ready:      " + ms(readies))
    print("first cell 6*7:      " + ms(firsts))
    print("6*7 after the first: " + ms(trips))
    print("kernel CPU per 6*7:  %.1f ms (user + system, first session)" % (1000 * cpu))


if __name__ == "__main__":
    main()

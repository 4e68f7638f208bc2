/**
 * benchbook's Java kernel for Jupyter: the Jupyter messaging protocol over the notebook
 * evaluator (package {@code notebook}), and the kernelspec that {@code benchbook kernel install}
 * writes.
 *
 * <p>The protocol library is {@code org.dflib.jjava:jjava-jupyter} 1.0-a6 (Apache-2.0, JJava's
 * generic kernel library, maintained, Java 11 bytecode): it brings the ZeroMQ sockets (jeromq
 * 0.6), message signing and the message classes. The alternative,
 * {@code io.github.spencerpark:jupyter-jvm-basekernel} 2.3.0 (IJava's base, last released in
 * 2019), logs INFO lines through java.util.logging on start, keeps its message handlers private
 * and brings older jeromq 0.5.1 and gson 2.8.5. Neither library answers {@code kernel_info},
 * {@code history}, {@code interrupt} or {@code shutdown} with the {@code "status": "ok"} the
 * protocol requires, so this package sends those replies itself; and jjava's shell loop
 * sleeps 50 ms between polls, which would dominate a trivial cell's round trip, so the shell
 * and control sockets are served by a loop that blocks in {@code poll} instead.
 */
package dev.benchbook.kernel;

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
 * and brings older jeromq 0.5.1 and gson 2.8.5. What is kept from jjava: sockets, signing,
 * request parsing. What is not: its {@code BaseKernel} (the evaluator does evaluation and
 * display), its reply classes ({@code kernel_info}, {@code history}, {@code interrupt} and
 * {@code shutdown} replies carry no {@code "status": "ok"}, which the protocol requires, and
 * its headers' timestamps stop at minutes), so {@code Messages} writes
 * every reply and broadcast; and its shell loop, which sleeps 50 ms between polls and would
 * dominate a trivial cell's round trip, so {@code ServedChannel} serves the
 * shell and control sockets from a loop that blocks in {@code poll}.
 */
package dev.benchbook.kernel;

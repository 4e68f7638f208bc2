/**
 * Notebooks that run: an in-process JShell {@link dev.benchbook.notebook.Evaluator} (cells parsed
 * as a whole, the last expression as the result, per-cell output capture, stop at the first
 * error, interrupt and timeout), the {@link dev.benchbook.notebook.Display} rules (chart to PNG,
 * table to HTML and text, comparison to Markdown), the headless nbformat 4 runner and the script
 * export. The Jupyter kernel (package {@code kernel}) adds only the protocol on top of it.
 */
package dev.benchbook.notebook;

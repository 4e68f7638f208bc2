/**
 * Formatting of analysis results for people and machines: the seed-style comparison table in
 * Markdown (also the console output), CSV and JSON. No computation happens here.
 */
package dev.benchbook.report;

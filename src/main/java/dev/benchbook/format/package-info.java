/**
 * The output model at the bottom of the house: a {@link dev.benchbook.format.Table} of typed
 * columns (text, integer, real) with units and a precision, a
 * {@link dev.benchbook.format.Document} of headings, paragraphs, tables and chart references,
 * and one renderer per {@link dev.benchbook.format.Format}: console text fitted to a width,
 * one-record-per-block vertical text, Markdown, CSV, JSON and HTML. Pure JDK: no Tablesaw,
 * XChart or Jackson, so every floor above may use it. A new format is one renderer and one
 * constant of {@code Format}.
 */
package dev.benchbook.format;

package dev.benchbook.format;

/** Draws tables and documents in one format. */
public interface Renderer {

  /** The table in this format, ending with a newline. */
  String table(Table table, Layout layout);

  /** The document in this format, ending with a newline. */
  String document(Document document, Layout layout);
}

package dev.benchbook.format;

import java.util.function.Function;

/** Draws tables and documents in one format. */
public interface Renderer {

  /** The table in this format, ending with a newline. */
  String table(Table table, Layout layout);

  /** The document in this format, ending with a newline. */
  String document(Document document, Layout layout);

  /** The blocks' texts in order, a blank line between one text and the next. */
  static String joinBlocks(Document document, Function<Document.Block, String> block) {
    StringBuilder out = new StringBuilder();
    for (Document.Block b : document.blocks()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(block.apply(b));
    }
    return out.toString();
  }
}

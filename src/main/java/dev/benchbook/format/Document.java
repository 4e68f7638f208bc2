package dev.benchbook.format;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command or a report says, in order: headings, paragraphs, tables and references to
 * charts. Each renderer draws it in its format.
 *
 * @param blocks the blocks, in order
 */
public record Document(List<Block> blocks) {

  /** Copies the list. */
  public Document {
    blocks = List.copyOf(blocks);
  }

  /** One part of a document. */
  public sealed interface Block permits Heading, Paragraph, TableBlock, ChartRef {
  }

  /**
   * A heading.
   *
   * @param level 1 for a title, 2 for a section, 3 below
   * @param text the words
   */
  public record Heading(int level, String text) implements Block {

    /** Checks the level. */
    public Heading {
      if (level < 1 || level > 6) {
        throw new IllegalArgumentException("heading level must be 1..6; got " + level);
      }
    }
  }

  /**
   * A paragraph; {@code **bold**} marks are kept in Markdown and HTML, dropped in text.
   *
   * @param text the words
   */
  public record Paragraph(String text) implements Block {
  }

  /**
   * A table.
   *
   * @param table the table
   */
  public record TableBlock(Table table) implements Block {
  }

  /**
   * A chart drawn elsewhere (a PNG beside the report, a notebook output).
   *
   * @param title the chart's title
   * @param path where the image is, relative to the document
   */
  public record ChartRef(String title, String path) implements Block {
  }

  /** A builder adding blocks in order. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tables of this document, in order. */
  public List<Table> tables() {
    return blocks.stream().filter(b -> b instanceof TableBlock).map(b -> ((TableBlock) b).table())
        .toList();
  }

  /** Adds blocks in order. */
  public static final class Builder {

    private final List<Block> blocks = new ArrayList<>();

    private Builder() {
    }

    /** Adds a heading. */
    public Builder heading(int level, String text) {
      blocks.add(new Heading(level, text));
      return this;
    }

    /** Adds a paragraph. */
    public Builder paragraph(String text) {
      blocks.add(new Paragraph(text));
      return this;
    }

    /** Adds a table. */
    public Builder table(Table table) {
      blocks.add(new TableBlock(table));
      return this;
    }

    /** Adds a chart reference. */
    public Builder chart(String title, String path) {
      blocks.add(new ChartRef(title, path));
      return this;
    }

    /** Adds every block of another document. */
    public Builder append(Document other) {
      blocks.addAll(other.blocks());
      return this;
    }

    /** The document. */
    public Document build() {
      return new Document(blocks);
    }
  }
}

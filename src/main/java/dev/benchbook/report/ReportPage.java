package dev.benchbook.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown page under construction: headings, paragraphs, tables, images, links. */
final class ReportPage {

  private final StringBuilder sb = new StringBuilder();

  ReportPage title(String text) {
    sb.append("# ").append(text).append("\n\n");
    return this;
  }

  ReportPage heading(String text) {
    sb.append("## ").append(text).append("\n\n");
    return this;
  }

  ReportPage paragraph(String text) {
    sb.append(text).append("\n\n");
    return this;
  }

  ReportPage bullets(List<String> items) {
    for (String i : items) {
      sb.append("- ").append(i).append('\n');
    }
    sb.append('\n');
    return this;
  }

  ReportPage raw(String markdown) {
    sb.append(markdown);
    if (!markdown.endsWith("\n")) {
      sb.append('\n');
    }
    sb.append('\n');
    return this;
  }

  ReportPage table(List<String> header, List<List<String>> rows) {
    return raw(MarkdownTable.render(header, new ArrayList<>(rows)));
  }

  @Override
  public String toString() {
    return sb.toString().stripTrailing() + "\n";
  }
}

package dev.benchbook.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.results.AtomicFiles;
import dev.benchbook.results.Json;
import dev.benchbook.results.JsonErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code .ipynb} files (nbformat 4) the way Jupyter writes them: keys sorted,
 * one-space indent, multi-line text as lists of lines, a final newline. The same notebook
 * always gives the same bytes.
 */
public final class NotebookJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private NotebookJson() {
  }

  /** Reads and checks the nbformat 4 essentials; fails naming the file and the field. */
  public static ObjectNode read(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new NotebookFormatException("no such notebook: " + file);
    } catch (JsonProcessingException e) {
      String where = JsonErrors.where(e);
      throw new NotebookFormatException(file + ": " + (where.isEmpty() ? "" : where + ": ")
          + JsonErrors.what(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (!(root instanceof ObjectNode nb)) {
      throw new NotebookFormatException(file + ": expected a JSON object (a notebook)");
    }
    JsonNode version = nb.path("nbformat");
    if (!version.canConvertToInt() || version.asInt() != 4 || !version.isIntegralNumber()) {
      throw new NotebookFormatException(file + ": /nbformat: expected 4 (nbformat 4), found "
          + (version.isMissingNode() ? "no nbformat field" : version.toString()));
    }
    if (!nb.path("cells").isArray()) {
      throw new NotebookFormatException(file + ": /cells: expected an array of cells");
    }
    for (int i = 0; i < nb.get("cells").size(); i++) {
      JsonNode cell = nb.get("cells").get(i);
      if (!cell.path("cell_type").isTextual()) {
        throw new NotebookFormatException(file + ": /cells/" + i + "/cell_type: expected "
            + "code, markdown or raw");
      }
      JsonNode src = cell.path("source");
      if (!src.isTextual() && !src.isArray()) {
        throw new NotebookFormatException(file + ": /cells/" + i + "/source: expected a "
            + "string or a list of lines");
      }
    }
    return nb;
  }

  /** A cell's source as one string. */
  public static String source(JsonNode cell) {
    return text(cell.path("source"));
  }

  /** A multi-line value (a string or a list of lines) as one string. */
  static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    StringBuilder out = new StringBuilder();
    value.forEach(line -> out.append(line.asText()));
    return out.toString();
  }

  /** Text as nbformat stores it: lines, each keeping its newline. */
  static ArrayNode lines(String text) {
    ArrayNode out = NODES.arrayNode();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  /** The cell's tags ({@code metadata.tags}). */
  static List<String> tags(JsonNode cell) {
    List<String> tags = new ArrayList<>();
    cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** The notebook as Jupyter would write it. */
  public static byte[] bytes(JsonNode notebook) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("").withArrayEmptySeparator(""));
    DefaultIndenter indent = new DefaultIndenter(" ", "\n");
    printer.indentArraysWith(indent);
    printer.indentObjectsWith(indent);
    try {
      String json = Json.MAPPER.writer(printer).writeValueAsString(sorted(notebook));
      return (json + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a notebook", e);
    }
  }

  /** Writes the notebook atomically (temp file, then rename). */
  public static void write(JsonNode notebook, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    AtomicFiles.replace(file, bytes(notebook));
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), sorted(e.getValue()));
      }
      ObjectNode out = NODES.objectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(n -> out.add(sorted(n)));
      return out;
    }
    return node;
  }
}

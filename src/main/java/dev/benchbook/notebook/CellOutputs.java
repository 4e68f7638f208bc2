package dev.benchbook.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Collects one code cell's outputs as nbformat 4 JSON: consecutive text on one stream is one
 * {@code stream} output; displays are {@code display_data}; then the {@code execute_result} or
 * the {@code error}.
 */
final class CellOutputs implements CellListener {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ArrayNode outputs = NODES.arrayNode();
  private String openStream;
  private StringBuilder openText;

  @Override
  public synchronized void stdout(String text) {
    stream("stdout", text);
  }

  @Override
  public synchronized void stderr(String text) {
    stream("stderr", text);
  }

  @Override
  public synchronized void display(DisplayData data) {
    closeStream();
    ObjectNode out = outputs.addObject();
    out.set("data", data(data));
    out.putObject("metadata");
    out.put("output_type", "display_data");
  }

  /** Adds the cell's result as its {@code execute_result}. */
  synchronized void result(DisplayData data, int executionCount) {
    closeStream();
    ObjectNode out = outputs.addObject();
    out.set("data", data(data));
    out.put("execution_count", executionCount);
    out.putObject("metadata");
    out.put("output_type", "execute_result");
  }

  /** Adds the error that stopped the cell. */
  synchronized void error(CellError error) {
    closeStream();
    ObjectNode out = outputs.addObject();
    out.put("ename", error.name());
    out.put("evalue", error.message());
    out.put("output_type", "error");
    ArrayNode tb = out.putArray("traceback");
    error.traceback().forEach(tb::add);
  }

  /** The outputs so far. */
  synchronized ArrayNode json() {
    closeStream();
    return outputs.deepCopy();
  }

  /** True when some output is an error. */
  synchronized boolean hasError() {
    for (var o : outputs) {
      if (o.path("output_type").asText().equals("error")) {
        return true;
      }
    }
    return false;
  }

  private void stream(String name, String text) {
    if (!name.equals(openStream)) {
      closeStream();
      openStream = name;
      openText = new StringBuilder();
    }
    openText.append(text);
  }

  private void closeStream() {
    if (openStream == null) {
      return;
    }
    ObjectNode out = outputs.addObject();
    out.put("name", openStream);
    out.put("output_type", "stream");
    out.set("text", NotebookJson.lines(openText.toString()));
    openStream = null;
    openText = null;
  }

  private static ObjectNode data(DisplayData data) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<String, String> e : data.data().entrySet()) {
      if (e.getKey().startsWith("text/")) {
        node.set(e.getKey(), NotebookJson.lines(e.getValue()));
      } else {
        node.put(e.getKey(), e.getValue());
      }
    }
    return node;
  }
}

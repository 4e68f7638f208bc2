package dev.benchbook.notebook;

import java.util.ArrayList;
import java.util.List;

/** A cell listener that records everything in order, for tests. */
class Recorder implements CellListener {

  final List<String> events = new ArrayList<>();
  final StringBuilder out = new StringBuilder();
  final StringBuilder err = new StringBuilder();
  final List<DisplayData> displays = new ArrayList<>();

  @Override
  public synchronized void stdout(String text) {
    out.append(text);
    events.add("out:" + text);
  }

  @Override
  public synchronized void stderr(String text) {
    err.append(text);
    events.add("err:" + text);
  }

  @Override
  public synchronized void display(DisplayData data) {
    displays.add(data);
    events.add("display:" + data.plain());
  }
}

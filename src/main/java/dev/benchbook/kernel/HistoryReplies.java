package dev.benchbook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Answers history requests: {@code [session, line, input]} per cell, or
 * {@code [session, line, [input, output]]} when output is asked for.
 */
final class HistoryReplies {

  private final SessionHistory history;

  HistoryReplies(SessionHistory history) {
    this.history = history;
  }

  /** The history_reply content for a tail, range or search request. */
  Map<String, Object> reply(Object request) {
    HistoryRequest r = (HistoryRequest) request;
    List<SessionHistory.Entry> entries = switch (r.getAccessType()) {
      case TAIL -> history.tail(((HistoryRequest.Tail) r).getMaxReturnLength());
      case RANGE -> {
        HistoryRequest.Range range = (HistoryRequest.Range) r;
        yield history.range(range.getSessionIndex(), range.getStart(), range.getStop());
      }
      case SEARCH -> {
        HistoryRequest.Search search = (HistoryRequest.Search) r;
        yield history.search(search.getPattern(), search.getMaxReturnLength(),
            search.filterUnique());
      }
    };
    List<List<Object>> rows = new ArrayList<>();
    for (SessionHistory.Entry e : entries) {
      Object cell = r.includeOutput() ? List.of(e.input(), e.output().orElse("")) : e.input();
      rows.add(List.of(SessionHistory.SESSION, e.line(), cell));
    }
    return Messages.ok("history", rows);
  }
}

package dev.benchbook.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What loading a file or folder gave: the runs that loaded and one problem per bad field of
 * the files that did not. Bad files are left out of {@link #runs()}; good ones still load.
 *
 * @param runs loaded runs, in path order
 * @param problems problems of the files that did not load, in path order
 */
public record LoadReport(List<LoadedRun> runs, List<Problem> problems) {

  /** Copies the lists. */
  public LoadReport {
    runs = List.copyOf(runs);
    problems = List.copyOf(problems);
  }

  /** True when every file loaded. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** Files with at least one problem, in order. */
  public Set<Path> badFiles() {
    return problems.stream().map(Problem::file).collect(
        Collectors.toCollection(LinkedHashSet::new));
  }

  /** The problems as lines, one per problem. */
  public List<String> problemLines() {
    return problems.stream().map(Problem::line).collect(Collectors.toList());
  }

  /** The runs; fails with every problem line when any file was bad. */
  public List<LoadedRun> runsOrThrow() {
    if (!ok()) {
      throw new ResultsFormatException(problems);
    }
    return runs;
  }

  /** This report followed by another one. */
  public LoadReport plus(LoadReport other) {
    List<LoadedRun> r = new ArrayList<>(runs);
    r.addAll(other.runs);
    List<Problem> p = new ArrayList<>(problems);
    p.addAll(other.problems);
    return new LoadReport(r, p);
  }
}

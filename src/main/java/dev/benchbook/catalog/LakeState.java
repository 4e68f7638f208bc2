package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a lake holds, read from its folders and batch manifests: the committed batches (those
 * with a manifest), which of them are whole (every file looks like Parquet), which batch each
 * run is read from, and the folders of batches that were never committed (an export killed
 * before writing the manifest).
 *
 * <p>A run listed by several whole batches (a rewrite or a merge killed before the old batch was
 * deleted, or two runners that exported the same results file) is read from the newest of
 * them only, so no reader of the views counts it twice.
 */
final class LakeState {

  private final Map<String, LakeBatch> committed = new TreeMap<>();
  private final Map<String, List<String>> damage = new TreeMap<>();
  private final Map<String, Map<String, List<Path>>> files = new TreeMap<>();
  private final Set<String> uncommitted = new TreeSet<>();
  private final List<String> problems = new ArrayList<>();
  private boolean oldLayout;

  private LakeState() {
  }

  /** Reads the lake's manifests and lists its batch folders and files. */
  static LakeState read(Path lake) throws IOException {
    LakeState s = new LakeState();
    s.readManifests(lake);
    for (Path tableDir : LakeLayout.tableDirs(lake)) {
      String table = tableDir.getFileName().toString();
      for (Path dir : LakeLayout.batchDirs(tableDir)) {
        String id = LakeLayout.batchIdOf(dir).orElseThrow();
        if (!s.committed.containsKey(id)) {
          s.uncommitted.add(id);
          continue;
        }
        List<Path> parts = LakeLayout.parquetFiles(dir);
        s.files.computeIfAbsent(id, k -> new TreeMap<>()).put(table, parts);
        for (Path f : parts) {
          LakeLayout.notParquet(f).ifPresent(why -> s.damage.computeIfAbsent(id,
              k -> new ArrayList<>()).add(f + ": " + why));
        }
      }
      s.oldLayout |= !LakeLayout.oldRunDirs(tableDir).isEmpty();
    }
    for (LakeBatch b : s.committed.values()) {
      for (String table : b.tables()) {
        if (s.files(b.id(), table).isEmpty()) {
          s.damage.computeIfAbsent(b.id(), k -> new ArrayList<>()).add(LakeLayout.batchDir(lake,
              table, b.id()) + ": missing");
        }
      }
    }
    return s;
  }

  private void readManifests(Path lake) throws IOException {
    Path dir = LakeLayout.manifests(lake);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.sorted().toList()) {
        Optional<String> id = LakeLayout.manifestId(f);
        if (id.isEmpty()) {
          continue;
        }
        Optional<LakeBatch> b = LakeBatch.read(id.get(), f);
        if (b.isPresent()) {
          committed.put(id.get(), b.get());
        } else {
          problems.add(f + ": not a batch manifest; its batch is left out");
        }
      }
    }
  }

  /** Committed batches, oldest first. */
  List<LakeBatch> committed() {
    return List.copyOf(committed.values());
  }

  /** True when the committed batch has a file that is not Parquet. */
  boolean damaged(String batchId) {
    return damage.containsKey(batchId);
  }

  /** The problems of a damaged batch's files, one line per file. */
  List<String> damage(String batchId) {
    return damage.getOrDefault(batchId, List.of());
  }

  /** Committed batches whose files all look whole, oldest first. */
  List<LakeBatch> whole() {
    return committed.values().stream().filter(b -> !damaged(b.id())).toList();
  }

  /** Ids of batch folders without a manifest. */
  Set<String> uncommitted() {
    return uncommitted;
  }

  /** True when a table folder still has per-run folders of the layout before batches. */
  boolean oldLayout() {
    return oldLayout;
  }

  /** The newest batch id in the lake (committed or not), if any. */
  Optional<String> newestId() {
    TreeSet<String> all = new TreeSet<>(committed.keySet());
    all.addAll(uncommitted);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.last());
  }

  /** A batch's files of one table (none when the table has no rows for its runs). */
  List<Path> files(String batchId, String table) {
    return files.getOrDefault(batchId, Map.of()).getOrDefault(table, List.of());
  }

  /** Each run's batch: the newest whole batch that lists it. */
  Map<Long, String> owners() {
    Map<Long, String> out = new HashMap<>();
    for (LakeBatch b : whole()) {
      b.runs().keySet().forEach(run -> out.put(run, b.id()));
    }
    return out;
  }

  /** Per whole batch, the runs it lists that a newer batch holds (read from that one). */
  Map<String, Set<Long>> shadowed() {
    Map<Long, String> owners = owners();
    Map<String, Set<Long>> out = new LinkedHashMap<>();
    for (LakeBatch b : whole()) {
      for (long run : b.runs().keySet()) {
        if (!owners.get(run).equals(b.id())) {
          out.computeIfAbsent(b.id(), k -> new LinkedHashSet<>()).add(run);
        }
      }
    }
    return out;
  }

  /**
   * Warning lines for a reader: each damaged file with the runs left out because of it, each
   * unreadable manifest, and folders of the layout before batches (not read).
   */
  List<String> warnings(Path lake) {
    List<String> out = new ArrayList<>(problems);
    for (Map.Entry<String, List<String>> e : damage.entrySet()) {
      int runs = committed.get(e.getKey()).runs().size();
      for (String line : e.getValue()) {
        out.add(line + "; the " + runs + (runs == 1 ? " run" : " runs") + " of batch "
            + e.getKey() + " left out of every table (benchbook lake writes them again)");
      }
    }
    if (oldLayout) {
      out.add(lake + ": run_id=... folders of the per-run layout are not read; benchbook lake "
          + "rewrites them in batches");
    }
    return out;
  }
}

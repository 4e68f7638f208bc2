package example;

import dev.benchbook.api.Benchbook;
import dev.benchbook.workload.DbStep;
import dev.benchbook.workload.Edge;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.Schema;
import dev.benchbook.workload.Transitions;
import dev.benchbook.workload.Workload;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Your code in benchbook's loop: every item adds 1 to one hot row, timed under contention. */
public final class HotCounter implements Workload {

  private static final Flow FLOW = new Flow("hot-counter", List.of("NEW", "COUNTED", "LOST"),
      List.of(new Edge(0, 1, false, -1, "count")), 0, 1, 2, 1);

  @Override public String name() { return FLOW.name(); }

  @Override public Flow flow() { return FLOW; }

  @Override public Schema schema() {
    return Schema.of(List.of("CREATE TABLE items (id INTEGER PRIMARY KEY, state TEXT)",
        "CREATE TABLE counter (n INTEGER NOT NULL)", "INSERT INTO counter VALUES (0)"),
        "INSERT INTO items VALUES (:file_id, :state)",
        "SELECT 'counter is ' || n FROM counter WHERE n <> (SELECT count(*) FROM items)");
  }

  @Override public Transitions transitions(LatencyProfile profile, double failureProbability) {
    return new Transitions() {
      @Override public void dispatch(Step step, SplittableRandom rng) { step.to = 1; }

      @Override public Optional<DbStep> dbStep() {
        return Optional.of((step, tx) ->
            tx.prepare("UPDATE counter SET n = n + 1").executeUpdate() == 1);
      }
    };
  }

  /** Measures 1 and 4 workers and prints the segments' percentiles. */
  public static void main(String[] args) throws Exception {
    var run = Benchbook.measure(new HotCounter()).concurrency(1, 4).files(200).run();
    System.out.println(Benchbook.stats(run).print());
  }
}

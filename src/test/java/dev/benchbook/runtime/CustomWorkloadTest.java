package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.workload.Edge;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import dev.benchbook.workload.TransitionWrite;
import dev.benchbook.workload.Transitions;
import dev.benchbook.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload of one's own runs through the runner's transition interface, unedited. */
class CustomWorkloadTest {

  @TempDir
  Path tmp;

  /** Two states and a failure state: NEW -> DONE, each transition's external call counted. */
  public static final class TwoStep implements Workload {
    final AtomicLong dispatched = new AtomicLong();
    final AtomicLong called = new AtomicLong();
    /** For a fork, which builds it by its class. */
    public TwoStep() {
    }

    private final Flow flow = new Flow("two-step", List.of("NEW", "DONE", "LOST"),
        List.of(new Edge(0, 1, true, -1, "finish")), 0, 1, 2, 1);

    @Override
    public String name() {
      return flow.name();
    }

    @Override
    public Flow flow() {
      return flow;
    }

    @Override
    public Transitions transitions(LatencyProfile profile, double failureProbability) {
      return new Transitions() {
        @Override
        public void dispatch(Step step, SplittableRandom rng) {
          dispatched.incrementAndGet();
          step.to = 1;
          step.nextFailures = step.failures;
          step.callsApi = true;
        }

        @Override
        public void call(Step step, SplittableRandom rng) {
          called.incrementAndGet();
        }

        @Override
        public void write(Step step, TransitionWrite write) {
          write.fileId = step.file;
          write.fromState = "NEW";
          write.toState = "DONE";
          write.expectedVersion = step.version;
          write.failures = step.nextFailures;
        }
      };
    }
  }

  @Test
  void theRunnerDrivesAnotherWorkloadThroughItsTransitions() throws Exception {
    TwoStep two = new TwoStep();
    for (String strategy : List.of("per-worker", "writer-queue")) {
      BenchConfig c = new BenchConfig("c3-zero-" + strategy, 3, LatencyProfile.named("zero"),
          StrategySpec.named(strategy), 25, SqliteSettings.defaults(), 0, 0.0,
          Duration.ofSeconds(20), two);
      RunPlan plan = new RunPlan(List.of(c), 2, 1, false, Duration.ofMillis(100),
          Duration.ZERO, tmp, List.of());
      RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
      for (PassResult p : out.passes()) {
        assertEquals(25, p.committed(), strategy);
        assertEquals(25, p.integrity().terminal(), strategy);
        assertEquals(25, p.integrity().auditRows(), strategy);
        assertTrue(p.integrity().ok(), p.integrity().violations()::toString);
      }
      assertEquals(List.of("NEW", "DONE", "LOST"), out.rows().stateNames());
      assertEquals(50, out.rows().size(), "one row per transition");
    }
    assertEquals(100, two.dispatched.get());
    assertEquals(100, two.called.get(), "the runner made every external call the workload asked");
  }

  @Test
  void forksRunAUsersWorkloadByItsClassAndTheFacadeMeasuresIt() throws Exception {
    PlanSettings s = PlanSettings.builder().workload(new TwoStep()).files(8).warmup(false)
        .forks(2).ceilingProbe(Duration.ofMillis(50)).tempDir(tmp).build();
    RunOutcome out = Forks.run(s.plan(List.of(s.config(2, "zero", "per-worker"))),
        new RunControl(), ProgressListener.NONE);
    assertEquals(List.of(8L, 8L), out.passes().stream().map(PassResult::committed).toList());
    assertEquals(List.of(0, 1), out.passes().stream().map(PassResult::fork).toList());
    assertEquals(List.of("NEW", "DONE", "LOST"), out.rows().stateNames());
    var m = dev.benchbook.api.Benchbook.measure(new TwoStep()).concurrency(1, 2).files(6).run();
    assertEquals(List.of("two-step", "two-step"), m.run().configs().stream()
        .map(c -> c.workload().orElseThrow().flow()).toList());
    assertEquals(12, m.rows().orElseThrow().size());
  }
}

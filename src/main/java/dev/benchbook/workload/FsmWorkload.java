package dev.benchbook.workload;

import java.util.SplittableRandom;

/**
 * A workload run from a workload file: its flow, an external call on the edges that call the
 * API (drawn from the edge's latency profile, else the config's; failing with the config's
 * probability into the edge's failure state), a pure-CPU dispatch hook per transition, and the
 * file's SQL on the database side. The built-in FSM is {@link #STANDARD}, the shipped file.
 */
public final class FsmWorkload implements Workload {

  /** The built-in FSM every config runs unless it names another workload. */
  public static final FsmWorkload STANDARD = new FsmWorkload(Flow.standard());

  private final Flow flow;
  private final WorkloadFile file;

  /** A workload over {@code flow} with the built-in file's SQL. */
  public FsmWorkload(Flow flow) {
    this(flow, WorkloadFile.builtIn());
  }

  private FsmWorkload(Flow flow, WorkloadFile file) {
    this.flow = flow;
    this.file = file;
  }

  /**
   * The workload of a file: checked first (IllegalArgumentException with one line per
   * problem), the built-in file's text giving {@link #STANDARD}.
   */
  public static FsmWorkload of(WorkloadFile file) {
    if (file.text().equals(WorkloadFile.builtIn().text())) {
      return STANDARD;
    }
    WorkloadCheck.checked(file);
    return new FsmWorkload(file.flow(), file);
  }

  /**
   * The workload of a workload file (or of the one a results file's manifest copied), checked:
   * IllegalArgumentException with one line per problem.
   */
  public static FsmWorkload read(java.nio.file.Path file) throws java.io.IOException {
    return of(WorkloadFile.load(file));
  }

  @Override
  public String name() {
    return flow.name();
  }

  @Override
  public Flow flow() {
    return flow;
  }

  @Override
  public WorkloadFile file() {
    return file;
  }

  @Override
  public Transitions transitions(LatencyProfile profile, double failureProbability) {
    return new FsmTransitions(flow, file, profile, failureProbability);
  }

  /** One worker's transitions through the flow. */
  private static final class FsmTransitions implements Transitions {
    private final Flow flow;
    private final Edge[] edges;
    private final LatencyProfile[] latencies;
    private final LatencyProfile profile;
    private final double failureProbability;

    FsmTransitions(Flow flow, WorkloadFile file, LatencyProfile profile,
        double failureProbability) {
      this.flow = flow;
      this.edges = flow.edges().toArray(new Edge[0]);
      this.latencies = new LatencyProfile[edges.length];
      for (int i = 0; i < edges.length; i++) {
        latencies[i] = file.flow().edges().equals(flow.edges())
            ? file.edges().get(i).latency().orElse(profile) : profile;
      }
      this.profile = profile;
      this.failureProbability = failureProbability;
    }

    @Override
    public void dispatch(Step step, SplittableRandom rng) {
      Edge edge = edges[flow.edgeFrom(step.from)];
      step.to = edge.to();
      step.nextFailures = step.failures;
      if (edge.canFail() && failureProbability > 0 && rng.nextDouble() < failureProbability) {
        step.nextFailures = step.failures + 1;
        step.to = step.nextFailures >= flow.maxFailures() ? flow.failed() : edge.failureTo();
      }
      step.checksum += hook(step.file, edge, step.from);
      step.callsApi = edge.callsApi() && !profile.isZero();
    }

    @Override
    public void call(Step step, SplittableRandom rng) {
      Pause.ns(latencies[flow.edgeFrom(step.from)].drawNs(rng));
    }

    /**
     * The dispatch hook: validate the edge and derive the file's object key (a 64-bit mix of
     * the file id and edge), standing in for the pure-CPU work a real FSM does per transition.
     */
    private static long hook(int file, Edge edge, int state) {
      if (edge.from() != state) {
        throw new IllegalStateException("edge does not leave state " + state);
      }
      long z = (file * 0x9E3779B97F4A7C15L) ^ edge.to();
      for (int i = 0; i < 8; i++) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
      }
      return z;
    }
  }
}

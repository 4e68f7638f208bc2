package dev.benchbook.workload;

import java.util.SplittableRandom;

/**
 * The built-in workload: the standard upload flow ({@link Flow#standard()}), an external call
 * on the edges that call the API (drawn from the latency profile, failing with the config's
 * probability into the edge's failure state), and a pure-CPU dispatch hook per transition.
 */
public final class FsmWorkload implements Workload {

  /** The built-in FSM every config runs unless it names another workload. */
  public static final FsmWorkload STANDARD = new FsmWorkload(Flow.standard());

  private final Flow flow;

  /** A workload over {@code flow}. */
  public FsmWorkload(Flow flow) {
    this.flow = flow;
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
  public Transitions transitions(LatencyProfile profile, double failureProbability) {
    return new FsmTransitions(flow, profile, failureProbability);
  }

  /** One worker's transitions through the flow. */
  private static final class FsmTransitions implements Transitions {
    private final Flow flow;
    private final Edge[] edges;
    private final LatencyProfile profile;
    private final double failureProbability;

    FsmTransitions(Flow flow, LatencyProfile profile, double failureProbability) {
      this.flow = flow;
      this.edges = flow.edges().toArray(new Edge[0]);
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
      Pause.ns(profile.drawNs(rng));
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

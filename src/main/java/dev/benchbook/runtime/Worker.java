package dev.benchbook.runtime;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RowWriter;
import dev.benchbook.workload.Edge;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.Pause;
import dev.benchbook.workload.TransitionWrite;
import dev.benchbook.workload.WriteChannel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker thread's loop: take the next file, move it through the flow to a terminal state,
 * time every transition by segment and record it. Nothing here allocates per transition.
 */
final class Worker implements Runnable {

  /** Consecutive failed attempts of one transition after which the pass is aborted. */
  static final int MAX_ATTEMPTS = 1000;

  private final Flow flow;
  private final Edge[] edges;
  private final String[] stateNames;
  private final LatencyProfile profile;
  private final double failureProbability;
  private final WriteChannel channel;
  private final RowWriter rows;
  private final AtomicInteger nextFile;
  private final int files;
  private final long passStartNs;
  private final long deadlineNs;
  private final RunControl control;
  private final List<FailureInjection> injections;
  private final SplittableRandom rng;
  private final TransitionWrite write = new TransitionWrite();

  long committed;
  long conflicts;
  long busyErrors;
  long rolledBack;
  long hookChecksum;
  volatile Throwable error;

  Worker(int index, BenchConfig config, WriteChannel channel, RowWriter rows,
      AtomicInteger nextFile, long passStartNs, long deadlineNs, RunControl control,
      List<FailureInjection> injections, long seed) {
    this.flow = config.flow();
    this.edges = flow.edges().toArray(new Edge[0]);
    this.stateNames = flow.states().toArray(new String[0]);
    this.profile = config.profile();
    this.failureProbability = config.failureProbability();
    this.channel = channel;
    this.rows = rows;
    this.nextFile = nextFile;
    this.files = config.files();
    this.passStartNs = passStartNs;
    this.deadlineNs = deadlineNs;
    this.control = control;
    this.injections = injections;
    this.rng = new SplittableRandom(seed);
    this.write.worker = index;
  }

  @Override
  public void run() {
    try {
      while (!control.cancelled() && System.nanoTime() < deadlineNs) {
        int file = nextFile.getAndIncrement();
        if (file >= files) {
          return;
        }
        runFile(file);
      }
    } catch (Throwable t) {
      error = t;
      control.abort();
    }
  }

  private void runFile(int file) {
    int state = flow.initial();
    int version = 0;
    int failures = 0;
    int attempts = 0;
    while (!flow.isTerminal(state)) {
      if (control.cancelled()) {
        return;
      }
      long t0 = System.nanoTime();
      Edge edge = edges[flow.edgeFrom(state)];
      int to = edge.to();
      int nextFailures = failures;
      if (edge.canFail() && failureProbability > 0 && rng.nextDouble() < failureProbability) {
        nextFailures = failures + 1;
        to = nextFailures >= flow.maxFailures() ? flow.failed() : edge.failureTo();
      }
      hookChecksum += hook(file, edge, state);
      long t1 = System.nanoTime();
      long t2 = t1;
      if (edge.callsApi() && !profile.isZero()) {
        Pause.ns(profile.drawNs(rng));
        t2 = System.nanoTime();
      }
      write.fileId = file;
      write.fromState = stateNames[state];
      write.toState = stateNames[to];
      write.expectedVersion = version;
      write.failures = nextFailures;
      write.injectFailure = attempts == 0 && injected(file, state);
      write.dbStartNs = t2;
      channel.apply(write);
      long t3 = System.nanoTime();
      long api = t2 - t1;
      long dbTotal = t3 - t2;
      rows.set(Column.FILE_ID, file);
      rows.set(Column.FROM_STATE, state);
      rows.set(Column.TO_STATE, to);
      rows.set(Column.START_NS, t0 - passStartNs);
      rows.set(Column.FSM_DISPATCH_NS, t1 - t0);
      rows.set(Column.API_NS, api);
      rows.set(Column.LOCK_WAIT_NS, write.lockWaitNs);
      rows.set(Column.DB_TOTAL_NS, dbTotal);
      rows.set(Column.FSM_NET_NS, t3 - t0 - api);
      rows.set(Column.TOTAL_NS, t3 - t0);
      rows.set(Column.RETRIES, write.busyRetries);
      rows.commit(counted(write.result));
      if (write.result == Outcome.COMMITTED) {
        committed++;
        state = to;
        version++;
        failures = nextFailures;
        attempts = 0;
      } else if (++attempts >= MAX_ATTEMPTS) {
        throw new IllegalStateException("transition " + stateNames[state] + " -> "
            + stateNames[to] + " of file " + file + " failed " + MAX_ATTEMPTS
            + " times in a row (last outcome: " + write.result.label() + ")");
      }
    }
  }

  /** Counts a failed attempt by its outcome; returns the outcome. */
  private Outcome counted(Outcome result) {
    switch (result) {
      case COMMITTED -> { }
      case CONFLICT -> conflicts++;
      case BUSY -> busyErrors++;
      default -> rolledBack++;
    }
    return result;
  }

  private boolean injected(int file, int state) {
    for (int i = 0; i < injections.size(); i++) {
      FailureInjection f = injections.get(i);
      if (f.fileId() == file && f.fromState() == state) {
        return true;
      }
    }
    return false;
  }

  /**
   * The dispatch hook: validate the edge and derive the file's object key (a 64-bit mix of the
   * file id and edge), standing in for the pure-CPU work a real FSM does per transition.
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

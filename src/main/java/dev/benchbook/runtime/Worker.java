package dev.benchbook.runtime;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RowWriter;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.TransitionWrite;
import dev.benchbook.workload.Transitions;
import dev.benchbook.workload.WriteChannel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker thread's loop: take the next file, move it through the flow to a terminal state
 * through the config's workload's {@link Transitions} (dispatch, external call, write inside
 * the strategy's transaction), time every step by segment and record it. The runner knows no
 * particular workload. Nothing here allocates per transition. Closed loop: the next
 * transition starts when the last one ends; open loop: when the {@link Dispatcher}'s next
 * arrival is due, and every latency a user sees (response) counts from that intended start.
 */
final class Worker implements Runnable {

  /** Consecutive failed attempts of one transition after which the pass is aborted. */
  static final int MAX_ATTEMPTS = 1000;

  private final Flow flow;
  private final String[] stateNames;
  private final Transitions transitions;
  private final Transitions.Step step = new Transitions.Step();
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
  private final Dispatcher dispatcher;
  private final boolean openLoopColumns;

  long committed;
  long conflicts;
  long busyErrors;
  long rolledBack;
  volatile Throwable error;

  Worker(int index, BenchConfig config, WriteChannel channel, RowWriter rows,
      AtomicInteger nextFile, long passStartNs, long deadlineNs, RunControl control,
      List<FailureInjection> injections, long seed) {
    this(index, config, channel, rows, nextFile, passStartNs, deadlineNs, control, injections,
        seed, null, false);
  }

  /**
   * A worker that, when {@code dispatcher} is not null, starts each transition at the next
   * arrival the dispatcher hands it (open loop); {@code openLoopColumns} when the rows hold
   * queue_wait, response and the intended start (in a closed-loop pass of a run that has them,
   * the intended start is the actual one).
   */
  Worker(int index, BenchConfig config, WriteChannel channel, RowWriter rows,
      AtomicInteger nextFile, long passStartNs, long deadlineNs, RunControl control,
      List<FailureInjection> injections, long seed, Dispatcher dispatcher,
      boolean openLoopColumns) {
    this.dispatcher = dispatcher;
    this.openLoopColumns = openLoopColumns;
    this.flow = config.flow();
    this.stateNames = flow.states().toArray(new String[0]);
    this.transitions = config.workload().transitions(config.profile(),
        config.failureProbability());
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
    step.start(file, flow.initial());
    int attempts = 0;
    while (!flow.isTerminal(step.from)) {
      if (control.cancelled()) {
        return;
      }
      long intended = dispatcher == null ? 0 : dispatcher.take();
      long t0 = System.nanoTime();
      if (dispatcher == null) {
        intended = t0;
      }
      transitions.dispatch(step, rng);
      long t1 = System.nanoTime();
      long t2 = t1;
      if (step.callsApi) {
        transitions.call(step, rng);
        t2 = System.nanoTime();
      }
      transitions.write(step, write);
      write.injectFailure = attempts == 0 && injected(file, step.from);
      write.dbStartNs = t2;
      channel.apply(write);
      long t3 = System.nanoTime();
      long api = t2 - t1;
      long dbTotal = t3 - t2;
      rows.set(Column.FILE_ID, file);
      rows.set(Column.FROM_STATE, step.from);
      rows.set(Column.TO_STATE, step.to);
      rows.set(Column.START_NS, t0 - passStartNs);
      rows.set(Column.FSM_DISPATCH_NS, t1 - t0);
      rows.set(Column.API_NS, api);
      rows.set(Column.LOCK_WAIT_NS, write.lockWaitNs);
      rows.set(Column.DB_TOTAL_NS, dbTotal);
      rows.set(Column.FSM_NET_NS, t3 - t0 - api);
      rows.set(Column.TOTAL_NS, t3 - t0);
      rows.set(Column.RETRIES, write.busyRetries);
      if (openLoopColumns) {
        rows.set(Column.INTENDED_START_NS, intended - passStartNs);
        rows.set(Column.QUEUE_WAIT_NS, t0 - intended);
        rows.set(Column.RESPONSE_NS, t3 - intended);
      }
      rows.commit(counted(write.result));
      if (write.result == Outcome.COMMITTED) {
        committed++;
        step.committed();
        attempts = 0;
      } else if (++attempts >= MAX_ATTEMPTS) {
        throw new IllegalStateException("transition " + stateNames[step.from] + " -> "
            + stateNames[step.to] + " of file " + file + " failed " + MAX_ATTEMPTS
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
}

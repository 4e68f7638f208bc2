package dev.benchbook.runtime;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RowWriter;
import dev.benchbook.workload.ErrorCodes;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.TransitionWrite;
import dev.benchbook.workload.Transitions;
import dev.benchbook.workload.WriteChannel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker thread's loop: take the next file, move it through the flow to a terminal state
 * through the config's workload's {@link Transitions} (dispatch, external call, DB step inside
 * the strategy's transaction), time every step by segment and record it. The runner knows no
 * particular workload. What the workload's code throws is a failed attempt (outcome
 * {@code failed}, the error column naming it), never a crash. Nothing here allocates per
 * transition (a failure allocates its dictionary entry once per error kind). Closed loop: the
 * next transition starts when the last one ends; open loop: when the {@link Dispatcher}'s next
 * arrival is due, and every latency a user sees (response) counts from that intended start.
 */
final class Worker implements Runnable {

  /** Consecutive failed attempts of one transition after which the pass is aborted. */
  static final int MAX_ATTEMPTS = 1000;

  /** {@link #stage}: between transitions. */
  static final int IDLE = 0;
  /** {@link #stage}: in the dispatch hook. */
  static final int DISPATCH = 1;
  /** {@link #stage}: in the external call. */
  static final int CALL = 2;
  /** {@link #stage}: in the DB step (waiting for write access or writing). */
  static final int DB = 3;

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
  long started;
  long terminal;
  long failedItems;
  /** Code -> name of every error this worker's failed attempts recorded. */
  final Map<Integer, String> errors = new HashMap<>();
  volatile Throwable error;
  /**
   * What the worker is doing now, for the hang message (one of IDLE, DISPATCH, CALL, DB);
   * written with release stores (no fence on the hot path), read by the pass's watchdog.
   */
  private int stage;
  /** System.nanoTime() when the transition in flight started; 0 between transitions. */
  private long inFlightSinceNs;
  private static final VarHandle STAGE;
  private static final VarHandle IN_FLIGHT;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      STAGE = l.findVarHandle(Worker.class, "stage", int.class);
      IN_FLIGHT = l.findVarHandle(Worker.class, "inFlightSinceNs", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

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
    this.write.dbStep = transitions.dbStep().orElse(null);
    this.write.step = step;
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

  /** System.nanoTime() when the transition in flight started; 0 between transitions. */
  long inFlightSinceNs() {
    return (long) IN_FLIGHT.getAcquire(this);
  }

  /** The transition in flight, for messages: its edge (or state, while dispatching) and file. */
  String inFlight() {
    String from = stateNames[step.from];
    return switch ((int) STAGE.getAcquire(this)) {
      case DISPATCH -> "the dispatch hook leaving " + from + " (file " + step.file + ")";
      case CALL -> "the external call of " + from + " -> " + stateNames[step.to] + " (file "
          + step.file + ")";
      case DB -> "the DB step of " + from + " -> " + stateNames[step.to] + " (file "
          + step.file + ")";
      default -> "no transition";
    };
  }

  private void runFile(int file) {
    step.start(file, flow.initial());
    started++;
    int attempts = 0;
    while (!flow.isTerminal(step.from)) {
      if (control.cancelled()) {
        return;
      }
      attempt(file, attempts);
      if (write.result == Outcome.COMMITTED) {
        committed++;
        step.committed();
        attempts = 0;
      } else if (++attempts >= MAX_ATTEMPTS) {
        String what = step.to == step.from ? "the dispatch hook leaving " + stateNames[step.from]
            : "transition " + stateNames[step.from] + " -> " + stateNames[step.to];
        throw new IllegalStateException(what + " of file " + file + " failed " + MAX_ATTEMPTS
            + " times in a row (last outcome: " + write.result.label() + lastFailure() + ")");
      }
    }
    if (step.from == flow.terminal()) {
      terminal++;
    } else {
      failedItems++;
    }
  }

  /** One attempt of the file's next transition: dispatch, call, DB step, one row. */
  private void attempt(int file, int attempts) {
    long intended = dispatcher == null ? 0 : dispatcher.take();
    long t0 = System.nanoTime();
    if (dispatcher == null) {
      intended = t0;
    }
    IN_FLIGHT.setRelease(this, t0);
    long t1 = t0;
    long t2 = t0;
    step.to = step.from;
    step.nextFailures = step.failures;
    step.callsApi = false;
    STAGE.setRelease(this, DISPATCH);
    try {
      transitions.dispatch(step, rng);
      t1 = System.nanoTime();
      t2 = t1;
      if (step.callsApi) {
        STAGE.setRelease(this, CALL);
        transitions.call(step, rng);
        t2 = System.nanoTime();
      }
      request(file, attempts);
    } catch (Throwable t) {
      long now = System.nanoTime();
      t1 = stage == DISPATCH ? now : t1;
      t2 = now;
      write.resetResult();
      write.result = Outcome.FAILED;
      write.thrown = ErrorCodes.survivable(t);
    }
    if (write.thrown == null) {
      write.dbStartNs = t2;
      channel.apply(write);
    }
    long t3 = System.nanoTime();
    STAGE.setRelease(this, IDLE);
    IN_FLIGHT.setRelease(this, 0L);
    record(intended, t0, t1, t2, t3);
  }

  /** Fills the write request from the step, then lets the workload adjust it. */
  private void request(int file, int attempts) {
    write.resetResult();
    write.fileId = step.file;
    write.fromState = stateNames[step.from];
    write.toState = stateNames[step.to];
    write.expectedVersion = step.version;
    write.failures = step.nextFailures;
    write.fromCode = step.from;
    write.failure = step.nextFailures != step.failures;
    transitions.write(step, write);
    write.injectFailure = attempts == 0 && injected(file, step.from);
    STAGE.setRelease(this, DB);
  }

  private void record(long intended, long t0, long t1, long t2, long t3) {
    long api = t2 - t1;
    rows.set(Column.FILE_ID, step.file);
    rows.set(Column.FROM_STATE, step.from);
    rows.set(Column.TO_STATE, step.to);
    rows.set(Column.START_NS, t0 - passStartNs);
    rows.set(Column.FSM_DISPATCH_NS, t1 - t0);
    rows.set(Column.API_NS, api);
    rows.set(Column.LOCK_WAIT_NS, write.lockWaitNs);
    rows.set(Column.DB_TOTAL_NS, t3 - t2);
    rows.set(Column.FSM_NET_NS, t3 - t0 - api);
    rows.set(Column.TOTAL_NS, t3 - t0);
    rows.set(Column.RETRIES, write.busyRetries);
    rows.set(Column.ERROR, write.thrown == null ? 0 : errorCode(write.thrown));
    if (openLoopColumns) {
      rows.set(Column.INTENDED_START_NS, intended - passStartNs);
      rows.set(Column.QUEUE_WAIT_NS, t0 - intended);
      rows.set(Column.RESPONSE_NS, t3 - intended);
    }
    rows.commit(counted(write.result));
  }

  /** The error's code, its name entered in this worker's dictionary. */
  private int errorCode(Throwable t) {
    int code = ErrorCodes.code(t);
    errors.putIfAbsent(code, ErrorCodes.name(t));
    return code;
  }

  private String lastFailure() {
    Throwable t = write.thrown;
    return t == null ? "" : ", " + ErrorCodes.name(t) + (t.getMessage() == null ? ""
        : ": " + t.getMessage());
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

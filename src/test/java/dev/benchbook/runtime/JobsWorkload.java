package dev.benchbook.runtime;

import dev.benchbook.workload.DbStep;
import dev.benchbook.workload.Edge;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.Schema;
import dev.benchbook.workload.Transaction;
import dev.benchbook.workload.Transitions;
import dev.benchbook.workload.Workload;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job queue written in Java on its own tables, with switchable faults: jobs go QUEUED ->
 * CLAIMED -> DONE; the claim is an optimistic UPDATE, completing updates the job and inserts
 * one row into {@code done_log} (UNIQUE per job).
 */
public class JobsWorkload implements Workload {

  /** A fault the workload's code produces on purpose. */
  public enum Fault {
    /** None. */
    NONE,
    /** Dispatch throws on the first attempt of job 3's claim. */
    DISPATCH_THROWS,
    /** The external call throws on the first attempt of job 4's completion. */
    CALL_THROWS,
    /** The DB step writes, then throws, on the first two attempts of each job's completion. */
    DB_THROWS_AFTER_WRITING,
    /** Completing job 2 inserts its done_log row twice on the first attempt. */
    CONSTRAINT,
    /** Dispatch of job 1 never returns (until the test releases it). */
    HANGS,
    /** Dispatch of job 5 always throws. */
    ALWAYS_THROWS
  }

  final Fault fault;
  final AtomicInteger faults = new AtomicInteger();
  /** Released by a test to end a hanging dispatch. */
  public final CountDownLatch release = new CountDownLatch(1);

  private static final Flow FLOW = new Flow("jobs", List.of("QUEUED", "CLAIMED", "DONE", "LOST"),
      List.of(new Edge(0, 1, false, -1, "claim"), new Edge(1, 2, true, -1, "complete")), 0, 2,
      3, 1);
  private static final Schema SCHEMA = Schema.of(List.of(
      "CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT NOT NULL, owner INTEGER, "
          + "version INTEGER NOT NULL)",
      "CREATE TABLE done_log (job_id INTEGER NOT NULL UNIQUE, worker INTEGER NOT NULL)"),
      "INSERT INTO jobs (id, state, version) VALUES (:file_id, :state, 0)",
      "SELECT 'job ' || id || ' is ' || state FROM jobs WHERE state <> 'DONE' "
          + "UNION ALL SELECT 'done_log has ' || count(*) || ' rows for ' || "
          + "(SELECT count(*) FROM jobs) || ' jobs' FROM done_log "
          + "HAVING count(*) <> (SELECT count(*) FROM jobs)");

  /** For forks: no faults. */
  public JobsWorkload() {
    this(Fault.NONE);
  }

  /** With a fault. */
  public JobsWorkload(Fault fault) {
    this.fault = fault;
  }

  /** The constraint fault, for forks (which build a workload by its no-argument constructor). */
  public static final class WithConstraintFault extends JobsWorkload {
    /** Violates the constraint once per JVM. */
    public WithConstraintFault() {
      super(Fault.CONSTRAINT);
    }
  }

  @Override
  public String name() {
    return FLOW.name();
  }

  @Override
  public Flow flow() {
    return FLOW;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public Transitions transitions(LatencyProfile profile, double failureProbability) {
    return new Jobs();
  }

  private boolean once(Fault f, boolean where, int times) {
    return fault == f && where && faults.get() < times && faults.incrementAndGet() <= times;
  }

  /** One worker's transitions. */
  private final class Jobs implements Transitions, DbStep {
    private int attemptsOfJob;

    @Override
    public void dispatch(Step step, SplittableRandom rng) {
      if (fault == Fault.HANGS && step.file == 1) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (fault == Fault.ALWAYS_THROWS && step.file == 5) {
        throw new IllegalStateException("job 5 is cursed");
      }
      if (once(Fault.DISPATCH_THROWS, step.file == 3 && step.from == 0, 1)) {
        throw new IllegalStateException("dispatch refused job 3");
      }
      step.to = step.from + 1;
      step.nextFailures = step.failures;
      step.callsApi = step.from == 1;
    }

    @Override
    public void call(Step step, SplittableRandom rng) {
      if (once(Fault.CALL_THROWS, step.file == 4, 1)) {
        throw new UnsupportedOperationException("the API refused job 4");
      }
    }

    @Override
    public Optional<DbStep> dbStep() {
      return Optional.of(this);
    }

    @Override
    public boolean run(Step step, Transaction tx) throws Exception {
      if (step.from == 0) {
        PreparedStatement claim = tx.prepare("UPDATE jobs SET state = 'CLAIMED', owner = ?, "
            + "version = version + 1 WHERE id = ? AND state = 'QUEUED'");
        claim.setInt(1, tx.worker());
        claim.setInt(2, step.file);
        return claim.executeUpdate() == 1;
      }
      PreparedStatement done = tx.prepare("UPDATE jobs SET state = 'DONE', version = version + 1 "
          + "WHERE id = ? AND state = 'CLAIMED'");
      done.setInt(1, step.file);
      if (done.executeUpdate() != 1) {
        return false;
      }
      PreparedStatement log = tx.prepare("INSERT INTO done_log (job_id, worker) VALUES (?, ?)");
      log.setInt(1, step.file);
      log.setInt(2, tx.worker());
      log.executeUpdate();
      if (fault == Fault.DB_THROWS_AFTER_WRITING && attemptsOfJob++ % 3 != 2) {
        throw new ArithmeticException("completion of job " + step.file + " failed after writing");
      }
      if (once(Fault.CONSTRAINT, step.file == 2, 1)) {
        log.executeUpdate();
      }
      return true;
    }
  }
}

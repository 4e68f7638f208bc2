package dev.benchbook.runtime;

/**
 * A run stopped because a worker stayed inside one transition (its dispatch hook, external
 * call or DB step) for longer than the duration bound; the message names the config, the
 * worker and the edge.
 */
public final class HungTransitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A hang described by {@code message}. */
  public HungTransitionException(String message) {
    super(message, null, false, false);
  }
}

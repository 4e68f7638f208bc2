package dev.benchbook.runtime;

/**
 * Asks a pass to throw inside one transition (between UPDATE and COMMIT) on its first attempt:
 * the transition leaving {@code fromState} for file {@code fileId}.
 *
 * @param fileId file whose transition fails
 * @param fromState state code the failing transition leaves
 */
public record FailureInjection(int fileId, int fromState) {
}

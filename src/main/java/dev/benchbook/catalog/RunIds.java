package dev.benchbook.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Run ids and config keys that are the same on every machine and distinct across machines, so
 * lakes exported by several runners merge without conflicts: a run's id is 63 bits of SHA-256
 * over its file's path (relative to the data dir) and content hash, a config's key 63 bits of
 * SHA-256 over its run id and position. The same file gives the same id wherever it is
 * imported (re-exports are idempotent); two different runs collide with odds of about
 * n^2 / 2^64 for n runs. Timestamped file names alone could collide (two runners starting in the
 * same second); their contents (manifest times, host, measurements) do not.
 */
final class RunIds {

  private RunIds() {
  }

  /** The run id of the file at {@code relativePath} whose content hash is {@code contentHash}. */
  static long runId(String relativePath, String contentHash) {
    return positive63(relativePath + '\n' + contentHash);
  }

  /** The config key of the config at {@code position} (from 0) of run {@code runId}. */
  static long configKey(long runId, int position) {
    return positive63(runId + "/" + position);
  }

  private static long positive63(String text) {
    byte[] d = sha256(text.getBytes(StandardCharsets.UTF_8));
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (d[i] & 0xFF);
    }
    v &= Long.MAX_VALUE;
    return v == 0 ? 1 : v;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}

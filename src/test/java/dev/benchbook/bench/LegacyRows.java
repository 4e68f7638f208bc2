package dev.benchbook.bench;

import java.util.Arrays;

/**
 * The row store as it was before the rows package (one field per column, a 15-argument add that
 * doubles the arrays when full), kept only so that {@link RecorderBench} can measure the old and
 * the new recording side by side in one run.
 */
final class LegacyRows {

  private int size;
  private int[] config;
  private int[] rep;
  private int[] worker;
  private int[] fileId;
  private byte[] fromState;
  private byte[] toState;
  private long[] startNs;
  private long[] fsmDispatchNs;
  private long[] apiNs;
  private long[] lockWaitNs;
  private long[] dbTotalNs;
  private long[] fsmNetNs;
  private long[] totalNs;
  private int[] retries;
  private byte[] outcome;

  LegacyRows(int capacity) {
    config = new int[capacity];
    rep = new int[capacity];
    worker = new int[capacity];
    fileId = new int[capacity];
    fromState = new byte[capacity];
    toState = new byte[capacity];
    startNs = new long[capacity];
    fsmDispatchNs = new long[capacity];
    apiNs = new long[capacity];
    lockWaitNs = new long[capacity];
    dbTotalNs = new long[capacity];
    fsmNetNs = new long[capacity];
    totalNs = new long[capacity];
    retries = new int[capacity];
    outcome = new byte[capacity];
  }

  int size() {
    return size;
  }

  void add(int configCode, int repIndex, int workerIndex, int file, int from, int to,
      long start, long dispatch, long api, long lockWait, long dbTotal, long fsmNet, long total,
      int retryCount, int result) {
    if (size == config.length) {
      grow();
    }
    int i = size++;
    config[i] = configCode;
    rep[i] = repIndex;
    worker[i] = workerIndex;
    fileId[i] = file;
    fromState[i] = (byte) from;
    toState[i] = (byte) to;
    startNs[i] = start;
    fsmDispatchNs[i] = dispatch;
    apiNs[i] = api;
    lockWaitNs[i] = lockWait;
    dbTotalNs[i] = dbTotal;
    fsmNetNs[i] = fsmNet;
    totalNs[i] = total;
    retries[i] = retryCount;
    outcome[i] = (byte) result;
  }

  private void grow() {
    int n = config.length * 2;
    config = Arrays.copyOf(config, n);
    rep = Arrays.copyOf(rep, n);
    worker = Arrays.copyOf(worker, n);
    fileId = Arrays.copyOf(fileId, n);
    fromState = Arrays.copyOf(fromState, n);
    toState = Arrays.copyOf(toState, n);
    startNs = Arrays.copyOf(startNs, n);
    fsmDispatchNs = Arrays.copyOf(fsmDispatchNs, n);
    apiNs = Arrays.copyOf(apiNs, n);
    lockWaitNs = Arrays.copyOf(lockWaitNs, n);
    dbTotalNs = Arrays.copyOf(dbTotalNs, n);
    fsmNetNs = Arrays.copyOf(fsmNetNs, n);
    totalNs = Arrays.copyOf(totalNs, n);
    retries = Arrays.copyOf(retries, n);
    outcome = Arrays.copyOf(outcome, n);
  }
}

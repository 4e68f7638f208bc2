package dev.benchbook.analysis;

import java.util.Arrays;

/** Quickselect on a range of a double array, as numpy's partition: linear time on average. */
final class Select {

  private static final int SMALL = 16;

  private Select() {
  }

  /**
   * Reorders {@code a[lo, hi)} so that {@code a[k]} holds the value of rank {@code k - lo}, every
   * element before {@code k} is {@code <=} it and every element after is {@code >=} it.
   * Falls back to a full sort of the remaining range past a depth limit (worst case n log n).
   */
  static void kth(double[] a, int lo, int hi, int k) {
    int depth = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo)) + 8;
    while (hi - lo > SMALL) {
      if (depth-- == 0) {
        Arrays.sort(a, lo, hi);
        return;
      }
      double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
      int i = lo;
      int j = hi - 1;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      if (k <= j) {
        hi = j + 1;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
    insertionSort(a, lo, hi);
  }

  /** Moves the minimum of {@code a[lo, hi)} to {@code a[lo]}. */
  static void minToFront(double[] a, int lo, int hi) {
    int best = lo;
    for (int i = lo + 1; i < hi; i++) {
      if (a[i] < a[best]) {
        best = i;
      }
    }
    double t = a[lo];
    a[lo] = a[best];
    a[best] = t;
  }

  private static double medianOfThree(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }

  private static void insertionSort(double[] a, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }
}

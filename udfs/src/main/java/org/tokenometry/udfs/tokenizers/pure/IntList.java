package org.tokenometry.udfs.tokenizers.pure;

import java.util.Arrays;

/** A growable int array, reused across calls to avoid boxing and per-token objects. */
final class IntList {
  int[] a;
  int size;

  IntList(int capacity) {
    a = new int[Math.max(4, capacity)];
  }

  void add(int v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[size++] = v;
  }

  void add(int v, int w) {
    if (size + 2 > a.length) {
      a = Arrays.copyOf(a, Math.max(a.length * 2, size + 2));
    }
    a[size++] = v;
    a[size++] = w;
  }

  int get(int i) {
    return a[i];
  }

  void clear() {
    size = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(a, size);
  }
}

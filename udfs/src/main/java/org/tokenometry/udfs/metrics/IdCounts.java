package org.tokenometry.udfs.metrics;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Occurrences per token id: an open-addressing int -> long map (ids are dense but a language touches only a
 * few thousand of a 262k vocabulary, so an array per group would waste memory). Mergeable; serializes only
 * its occupied slots.
 */
public final class IdCounts implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int EMPTY = -1;
  /** Most frequent first; ties by smaller id. */
  private static final Comparator<long[]> BEST_FIRST =
      (a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]);

  private transient int[] keys;
  private transient long[] values;
  private transient int size;

  public IdCounts() {
    init(64);
  }

  private void init(int capacity) {
    keys = new int[capacity];
    values = new long[capacity];
    Arrays.fill(keys, EMPTY);
    size = 0;
  }

  /** Adds {@code n} occurrences of {@code id} (ids are non-negative). */
  public void add(int id, long n) {
    if (id < 0) {
      throw new IllegalArgumentException("token ids are non-negative: " + id);
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (keys[i] != EMPTY && keys[i] != id) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      keys[i] = id;
      size++;
    }
    values[i] += n;
  }

  public long get(int id) {
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == id) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** Forgets every id (keeps the table's capacity). */
  public void clear() {
    Arrays.fill(keys, EMPTY);
    Arrays.fill(values, 0);
    size = 0;
  }

  /** Number of distinct ids seen. */
  public int distinct() {
    return size;
  }

  public long total() {
    long t = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        t += values[i];
      }
    }
    return t;
  }

  public IdCounts merge(IdCounts other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.values[i]);
      }
    }
    return this;
  }

  /** Calls {@code f(id, count)} for every id seen. */
  public void forEach(IdCountConsumer f) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        f.accept(keys[i], values[i]);
      }
    }
  }

  /** The {@code n} most frequent ids as {id, count}, most frequent first; ties by smaller id. */
  public List<long[]> top(int n) {
    if (n <= 0) {
      return List.of();
    }
    // one pass keeping the n best, worst on top: sorting every id of every group cost the driver seconds
    PriorityQueue<long[]> best = new PriorityQueue<>(n + 1, BEST_FIRST.reversed());
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == EMPTY) {
        continue;
      }
      if (best.size() == n) {
        long[] worst = best.peek();
        if (values[i] < worst[1] || (values[i] == worst[1] && keys[i] > worst[0])) {
          continue;
        }
        best.poll();
      }
      best.add(new long[] {keys[i], values[i]});
    }
    List<long[]> out = new ArrayList<>(best);
    out.sort(BEST_FIRST);
    return out;
  }

  private void grow() {
    int[] k = keys;
    long[] v = values;
    init(k.length * 2);
    for (int i = 0; i < k.length; i++) {
      if (k[i] != EMPTY) {
        add(k[i], v[i]);
      }
    }
  }

  private static int mix(int x) {
    x *= 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  /**
   * Ids ascending as varint gaps, counts as varints: a group's ids travel from the pass's tasks to the merge, and
   * most gaps and counts fit in one or two bytes instead of twelve.
   */
  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    int[] ids = new int[size];
    int n = 0;
    for (int k : keys) {
      if (k != EMPTY) {
        ids[n++] = k;
      }
    }
    Arrays.sort(ids);
    out.writeInt(size);
    int previous = 0;
    for (int id : ids) {
      writeVarLong(out, id - previous);
      writeVarLong(out, get(id));
      previous = id;
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int n = in.readInt();
    int cap = 64;
    while (cap < n * 2 + 2) {
      cap *= 2;
    }
    init(cap);
    int id = 0;
    for (int i = 0; i < n; i++) {
      id += (int) readVarLong(in);
      add(id, readVarLong(in));
    }
  }

  private static void writeVarLong(ObjectOutputStream out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long readVarLong(ObjectInputStream in) throws IOException {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
  }

  /** (id, count) callback without boxing. */
  @FunctionalInterface
  public interface IdCountConsumer {
    void accept(int id, long count);
  }
}

package org.tokenometry.udfs.perturb;

import java.util.Arrays;

/**
 * A perturbed copy of a text and where each of its UTF-16 units came from: unit {@code i} of {@link #text}
 * was produced from the original interval {@code [sourceStart[i], sourceEnd[i])}. A copied unit maps to itself,
 * a replacement's units all map to the replaced code point, an inserted unit to the empty interval at its
 * insertion point. Maps are non-decreasing, so a token's interval maps back as one interval ({@link #sourceOf}).
 */
public record PerturbedText(String perturbation, String text, int[] sourceStart, int[] sourceEnd, boolean changed) {

  /**
   * The original interval a perturbed token {@code [start, end)} stands for: from the source start of its first
   * unit to the source end of its last; {@code {x, x}} (empty) for an empty token or one made only of inserted
   * units. A token covering part of an expanded character (one of NFD's marks) maps to the whole character.
   */
  public int[] sourceOf(int start, int end) {
    int n = sourceStart.length;
    end = Math.min(end, n); // intervals past the text (no engine reports them) are cut at its end
    if (end <= start || start < 0) {
      int at = start >= 0 && start < n ? sourceStart[start] : originalLength();
      return new int[] {at, at};
    }
    int s = sourceStart[start];
    int e = sourceEnd[end - 1];
    return new int[] {s, Math.max(s, e)};
  }

  private int originalLength() {
    return sourceEnd.length == 0 ? 0 : sourceEnd[sourceEnd.length - 1];
  }

  /** Builds a perturbed text left to right over the original: copy, replace or insert at a cursor. */
  public static final class Builder {
    private final String perturbation;
    private final String original;
    private final StringBuilder out;
    private int[] start;
    private int[] end;
    private int cursor;
    private boolean changed;

    public Builder(String perturbation, String original) {
      this.perturbation = perturbation;
      this.original = original;
      this.out = new StringBuilder(original.length() + 16);
      this.start = new int[original.length() + 16];
      this.end = new int[original.length() + 16];
    }

    /** Copies the original from the cursor up to {@code to}. */
    public Builder copyTo(int to) {
      check(to);
      for (int i = cursor; i < to; i++) {
        append(original.charAt(i), i, i + 1);
      }
      cursor = to;
      return this;
    }

    /** Replaces the original from the cursor up to {@code to} (usually one code point) with {@code with}. */
    public Builder replaceTo(int to, String with) {
      check(to);
      if (!original.regionMatches(cursor, with, 0, with.length()) || with.length() != to - cursor) {
        changed = true;
      }
      for (int i = 0; i < with.length(); i++) {
        append(with.charAt(i), cursor, to);
      }
      cursor = to;
      return this;
    }

    /** Inserts {@code s} at the cursor. */
    public Builder insert(String s) {
      changed |= !s.isEmpty();
      for (int i = 0; i < s.length(); i++) {
        append(s.charAt(i), cursor, cursor);
      }
      return this;
    }

    public int cursor() {
      return cursor;
    }

    /** Copies the rest of the original and returns the result. */
    public PerturbedText build() {
      copyTo(original.length());
      int n = out.length();
      return new PerturbedText(perturbation, changed ? out.toString() : original, Arrays.copyOf(start, n),
          Arrays.copyOf(end, n), changed);
    }

    private void check(int to) {
      if (to < cursor || to > original.length()) {
        throw new IllegalArgumentException("cursor " + cursor + " cannot move to " + to + " (length "
            + original.length() + ")");
      }
    }

    private void append(char c, int s, int e) {
      int n = out.length();
      if (n == start.length) {
        start = Arrays.copyOf(start, n * 2 + 16);
        end = Arrays.copyOf(end, n * 2 + 16);
      }
      out.append(c);
      start[n] = s;
      end[n] = e;
    }
  }
}

package org.tokenometry.udfs.tokenizers.pure;

/** A pre-tokenizer step: cuts code points {@code cps[from, to)} into pieces, appended to out as start/end pairs. */
interface Splitter {
  void split(int[] cps, int from, int to, IntList out);
}

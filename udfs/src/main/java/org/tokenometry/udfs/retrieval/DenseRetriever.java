package org.tokenometry.udfs.retrieval;

import java.util.List;
import java.util.PriorityQueue;

/** Exact cosine nearest neighbours over MiniLM embeddings of the chunks (computed once per chunk set). */
public final class DenseRetriever implements Retriever {
  private final float[][] chunks;

  public DenseRetriever(List<String> chunkTexts) {
    this.chunks = MiniLmEmbedder.embed(chunkTexts);
  }

  @Override
  public int[] search(String query, int k) {
    float[] q = MiniLmEmbedder.embed(List.of(query))[0];
    // min-heap of the k best (score, index); ties keep the lower index
    PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
        : Double.compare(b[1], a[1]));
    for (int i = 0; i < chunks.length; i++) {
      double s = 0;
      float[] c = chunks[i];
      for (int j = 0; j < c.length; j++) {
        s += c[j] * q[j];
      }
      best.add(new double[] {s, i});
      if (best.size() > k) {
        best.poll();
      }
    }
    int[] out = new int[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = (int) best.poll()[1];
    }
    return out;
  }
}

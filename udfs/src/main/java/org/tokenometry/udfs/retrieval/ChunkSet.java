package org.tokenometry.udfs.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.chunking.Span;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * The chunks of a set of documents (one corpus, or all corpora in Chroma's global mode), with each document's
 * encoding under the tokenizer being measured, so chunks and references can be expressed in either unit.
 */
public final class ChunkSet {
  private final List<String> docIds = new ArrayList<>();
  private final Map<String, Integer> docIndex = new HashMap<>();
  private final List<String> texts = new ArrayList<>();
  private final List<Encoding> encodings = new ArrayList<>();
  private final List<Integer> chunkDoc = new ArrayList<>();
  private final List<Span> chunkSpan = new ArrayList<>();

  /** Adds a document and its chunks (UTF-16 spans); returns the document's index. */
  public int add(String docId, String text, Encoding encoding, List<Span> chunks) {
    int doc = texts.size();
    docIds.add(docId);
    docIndex.put(docId, doc);
    texts.add(text);
    encodings.add(encoding);
    for (Span s : chunks) {
      chunkDoc.add(doc);
      chunkSpan.add(s);
    }
    return doc;
  }

  public int size() {
    return chunkSpan.size();
  }

  public List<String> chunkTexts() {
    List<String> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      out.add(chunkSpan.get(i).of(texts.get(chunkDoc.get(i))));
    }
    return out;
  }

  /** Mean number of tokens (of the measured tokenizer) that share a character with a chunk. */
  public double meanChunkTokens() {
    long sum = 0;
    for (Interval c : chunks(Unit.TOKEN)) {
      sum += c.length();
    }
    return size() == 0 ? 0 : (double) sum / size();
  }

  public List<Interval> chunks(Unit unit) {
    List<Interval> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      int doc = chunkDoc.get(i);
      Span s = chunkSpan.get(i);
      out.add(unit.fromUtf16(doc, texts.get(doc), encodings.get(doc), s.start(), s.end()));
    }
    return out;
  }

  /** A question's references in {@code unit}; references to documents outside this set get doc -1 and never match. */
  public List<Interval> references(EvalQuestion q, Unit unit) {
    List<Interval> out = new ArrayList<>();
    for (EvalQuestion.Reference r : q.references()) {
      Integer doc = docIndex.get(r.docId());
      if (doc == null) {
        out.add(new Interval(-1, r.start(), r.end())); // still counts in Σ|r| and as unused
        continue;
      }
      String text = texts.get(doc);
      int cps = text.codePointCount(0, text.length());
      if (r.start() < 0 || r.end() > cps || r.end() < r.start()) {
        throw new IllegalArgumentException("question " + q.id() + ": reference [" + r.start() + ", " + r.end()
            + ") lies outside document " + r.docId() + " (" + cps + " characters); the questions were made "
            + "against other documents: rerun the qa stage on the current documents table");
      }
      int s = text.offsetByCodePoints(0, r.start());
      int e = text.offsetByCodePoints(s, r.end() - r.start());
      out.add(unit.fromUtf16(doc, text, encodings.get(doc), s, e));
    }
    return out;
  }
}

package org.tokenometry.udfs.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.chunking.ChromaLocator;
import org.tokenometry.udfs.chunking.FixedTokenChunker;
import org.tokenometry.udfs.qa.ChromaQuestionFile;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.HfTokenizer;

/**
 * BM25 and all-MiniLM-L6-v2 at k=5 on Chroma's general evaluation set, Chroma's way: all five corpora in one
 * index, chunks placed as Chroma places them. Chroma's published all-MiniLM-L6-v2 figures: fixed 250/0 recall
 * 77.1 %, IoU 3.3 %; fixed 200/0 recall 76.6 %, IoU 4.1 %. Measured here with 256 word pieces (as
 * sentence-transformers): 250/0 recall 78.9 %, IoU 3.75 %; 200/0 recall 77.9 %, IoU 4.56 %. Recall is within 2
 * points; IoU is about 0.45 points higher, which a 2 % recall difference does not explain (precision and IoU
 * move ~14 %); not yet pinned down (Chroma embeds questions in Python with sentence-transformers and searches
 * HNSW; here both sides run through langchain4j's ONNX export with exact cosine). With langchain4j's default
 * 128-piece truncation recall drops to 68.2 / 71.3 %. The bounds below encode that measured state.
 */
@Tag("reference")
class RetrieverQualityTest {
  private static HfTokenizer cl100k;
  private static Map<String, String> corpora;
  private static Map<String, Encoding> encodings;
  private static List<EvalQuestion> questions;

  @BeforeAll
  static void load() throws IOException {
    cl100k = HfTokenizer.load("gpt35turbo", ReferenceData.tokenizer("gpt35turbo"));
    corpora = new LinkedHashMap<>();
    encodings = new LinkedHashMap<>();
    try (var files = Files.list(ReferenceData.file("chunking-eval/corpora"))) {
      for (var f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        String text = Files.readString(f, StandardCharsets.UTF_8);
        corpora.put(name.substring(0, name.lastIndexOf('.')), text);
        encodings.put(name.substring(0, name.lastIndexOf('.')), cl100k.encode(text));
      }
    }
    questions = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(ReferenceData.file("chunking-eval/questions.csv"))) {
      for (ChromaQuestionFile.Entry e : ChromaQuestionFile.read(r, "questions.csv")) {
        questions.add(new EvalQuestion("q" + e.line(), e.corpusId(), e.question(), e.references().stream()
            .map(x -> new EvalQuestion.Reference(e.corpusId(), x.start(), x.end())).toList()));
      }
    }
  }

  @AfterAll
  static void close() {
    cl100k.close();
  }

  @ParameterizedTest(name = "fixed {0}/0, k=5: MiniLM recall ~{1} %, IoU ~{2} %")
  @CsvSource({"250, 77.1, 3.3", "200, 76.6, 4.1"})
  void bm25AndMiniLmNearChromasFigures(int size, double publishedRecall, double publishedIou) {
    FixedTokenChunker fixed = new FixedTokenChunker(cl100k, size, 0);
    ChunkSet set = new ChunkSet();
    for (var e : corpora.entrySet()) {
      set.add(e.getKey(), e.getValue(), encodings.get(e.getKey()),
          ChromaLocator.relocate(e.getValue(), fixed.chunk(encodings.get(e.getKey()))));
    }
    List<String> texts = set.chunkTexts();
    long t0 = System.nanoTime();
    Map<String, Retriever> retrievers = new LinkedHashMap<>();
    retrievers.put("bm25", new Bm25Retriever(texts));
    retrievers.put("minilm", new DenseRetriever(texts));
    double secs = (System.nanoTime() - t0) / 1e9;
    List<QuestionResult> results = RetrievalEvaluator.evaluate(set, questions, retrievers, new int[] {5},
        List.of(Unit.CHAR, Unit.TOKEN));
    Map<String, MeanStd[]> by = new LinkedHashMap<>();
    for (QuestionResult r : results) {
      MeanStd[] m = by.computeIfAbsent(r.retriever() + " " + r.unit(),
          x -> new MeanStd[] {new MeanStd(), new MeanStd(), new MeanStd(), new MeanStd()});
      m[0].add(r.recall());
      m[1].add(r.precision());
      m[2].add(r.iou());
      m[3].add(r.precisionOmega());
    }
    by.forEach((key, m) -> System.out.printf(
        "fixed %d/0 k=5 %-12s n=%d recall %.2f %% precision %.2f %% IoU %.2f %% Precision-Omega %.2f %%%n", size,
        key, m[0].count(), 100 * m[0].mean(), 100 * m[1].mean(), 100 * m[2].mean(), 100 * m[3].mean()));
    System.out.printf("fixed %d/0: %d chunks, indexes built in %.1f s%n", size, set.size(), secs);
    MeanStd[] dense = by.get("minilm char");
    assertEquals(472, dense[0].count());
    double recall = 100 * dense[0].mean();
    assertEquals(publishedRecall, recall, 3.0, "MiniLM recall");
    double iou = 100 * dense[2].mean();
    assertTrue(iou >= publishedIou && iou <= publishedIou + 0.6, "MiniLM IoU " + iou);
    assertTrue(by.get("bm25 char")[0].mean() > 0.8, "BM25 recall");
    // Precision-Ω does not depend on the retriever, and matches the parity figure for 200/0 (20.98 %)
    assertEquals(by.get("bm25 char")[3].mean(), dense[3].mean(), 1e-12);
  }
}

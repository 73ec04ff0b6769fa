package org.tokenometry.jobs.retrieval;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.tokenize.ShippedTokenizer;
import org.tokenometry.udfs.chunking.ChromaLocator;
import org.tokenometry.udfs.chunking.Chunker;
import org.tokenometry.udfs.chunking.Chunkers;
import org.tokenometry.udfs.chunking.FixedTokenChunker;
import org.tokenometry.udfs.chunking.Span;
import org.tokenometry.udfs.retrieval.ChunkSet;
import org.tokenometry.udfs.retrieval.EvalQuestion;
import org.tokenometry.udfs.retrieval.Interval;
import org.tokenometry.udfs.retrieval.QuestionResult;
import org.tokenometry.udfs.retrieval.RetrievalEvaluator;
import org.tokenometry.udfs.retrieval.Retriever;
import org.tokenometry.udfs.retrieval.Retrievers;
import org.tokenometry.udfs.retrieval.Unit;
import org.tokenometry.udfs.tables.ChunkRow;
import org.tokenometry.udfs.tables.RetrievalQuestionRow;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * One Spark task: chunk the documents of one chunk set, build each retriever's index once (embeddings are computed
 * once and serve every k), and score every question. Input: a task row joined with its documents and questions.
 */
final class RetrievalTask implements FlatMapFunction<Row, Row> {
  private final Map<String, ShippedTokenizer> tokenizers;
  private final List<String> retrievers;
  private final int[] ks;
  private final List<Unit> units;
  private final boolean chromaOffsets;
  private final boolean chunkRows;

  RetrievalTask(Map<String, ShippedTokenizer> tokenizers, List<String> retrievers, int[] ks, List<Unit> units,
      boolean chromaOffsets, boolean chunkRows) {
    this.tokenizers = Map.copyOf(tokenizers);
    this.retrievers = List.copyOf(retrievers);
    this.ks = ks.clone();
    this.units = List.copyOf(units);
    this.chromaOffsets = chromaOffsets;
    this.chunkRows = chunkRows;
  }

  @Override
  public Iterator<Row> call(Row task) {
    String tokenizerName = task.getAs("tokenizer");
    String chunkerName = task.getAs("chunker");
    int size = task.getAs("size");
    int overlap = task.getAs("overlap");
    Tokenizer tokenizer = tokenizers.get(tokenizerName).open();
    Chunker chunker = Chunkers.create(chunkerName, tokenizer, size, overlap, false);

    ChunkSet set = new ChunkSet();
    List<String> docCorpus = new ArrayList<>();
    List<String> docIds = new ArrayList<>();
    for (Row d : task.<Row>getList(task.fieldIndex("docs"))) {
      String text = d.getAs("text");
      Encoding enc = tokenizer.encode(text);
      List<Span> spans = chunker instanceof FixedTokenChunker f ? f.chunk(enc) : chunker.chunk(text);
      if (chromaOffsets) {
        spans = ChromaLocator.relocate(text, spans);
      }
      set.add(d.getAs("doc_id"), text, enc, spans);
      docCorpus.add(d.getAs("corpus"));
      docIds.add(d.getAs("doc_id"));
    }

    List<Row> out = new ArrayList<>();
    if (chunkRows) {
      List<Interval> chars = set.chunks(Unit.CHAR);
      List<Interval> tokens = set.chunks(Unit.TOKEN);
      int[] perDoc = new int[docIds.size()];
      for (int i = 0; i < chars.size(); i++) {
        Interval c = chars.get(i);
        out.add(RowCodec.of(ChunkRow.class).toRow(new ChunkRow(docCorpus.get(c.doc()), tokenizerName,
            chunkerName, size, overlap, docIds.get(c.doc()), perDoc[c.doc()]++, c.start(), c.end(),
            tokens.get(i).length())));
      }
      return out.iterator();
    }

    List<EvalQuestion> questions = new ArrayList<>();
    for (Row q : task.<Row>getList(task.fieldIndex("questions"))) {
      List<EvalQuestion.Reference> refs = new ArrayList<>();
      for (Row r : q.<Row>getList(q.fieldIndex("references"))) {
        refs.add(new EvalQuestion.Reference(r.getAs("doc_id"), r.<Integer>getAs("start"), r.<Integer>getAs("end")));
      }
      questions.add(new EvalQuestion(q.getAs("question_id"), q.getAs("corpus"), q.getAs("question"), refs));
    }
    Map<String, Retriever> built = new LinkedHashMap<>();
    List<String> texts = set.chunkTexts();
    try {
      for (String r : retrievers) {
        built.put(r, Retrievers.create(r, texts));
      }
      double meanTokens = set.meanChunkTokens();
      for (QuestionResult r : RetrievalEvaluator.evaluate(set, questions, built, ks, units)) {
        out.add(RowCodec.of(RetrievalQuestionRow.class).toRow(new RetrievalQuestionRow(r.corpus(), tokenizerName,
            chunkerName, size, overlap, r.retriever(), r.k(), r.unit(), r.questionId(), r.recall(), r.precision(),
            r.iou(), r.precisionOmega(), set.size(), meanTokens)));
      }
    } finally {
      built.values().forEach(Retriever::close);
    }
    return out.iterator();
  }
}

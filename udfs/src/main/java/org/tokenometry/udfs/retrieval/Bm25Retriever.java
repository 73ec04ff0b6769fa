package org.tokenometry.udfs.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 (Lucene's default similarity, k1 = 1.2, b = 0.75) over an in-memory index of the chunk texts, standard
 * analyzer. The query is the analyzed question as a disjunction of its terms, as Lucene's classic query parser
 * would build it, without the parser's syntax (questions contain '?', ':' and quotes).
 */
public final class Bm25Retriever implements Retriever {
  private static final String TEXT = "text";
  private static final String INDEX = "i";

  private final Analyzer analyzer = new StandardAnalyzer();
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public Bm25Retriever(List<String> chunks) {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (int i = 0; i < chunks.size(); i++) {
        Document d = new Document();
        d.add(new TextField(TEXT, chunks.get(i), Field.Store.NO));
        d.add(new StoredField(INDEX, i));
        w.addDocument(d);
      }
      w.commit();
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("building the BM25 index: " + e.getMessage(), e);
    }
  }

  @Override
  public int[] search(String query, int k) {
    try {
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      int terms = 0;
      try (TokenStream ts = analyzer.tokenStream(TEXT, query)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken() && terms < IndexSearcher.getMaxClauseCount()) {
          q.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
          terms++;
        }
        ts.end();
      }
      if (terms == 0) {
        return new int[0];
      }
      ScoreDoc[] hits = searcher.search(q.build(), k).scoreDocs;
      var stored = searcher.storedFields();
      int[] out = new int[hits.length];
      for (int i = 0; i < hits.length; i++) {
        out[i] = stored.document(hits[i].doc).getField(INDEX).numericValue().intValue();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("BM25 search: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

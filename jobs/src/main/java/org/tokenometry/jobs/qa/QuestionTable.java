package org.tokenometry.jobs.qa;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.udfs.qa.Reference;

/** The {@code questions} table (DESIGN.md §2): offsets are code points (Python indices), end exclusive. */
public final class QuestionTable {
  public static final String NAME = "questions";

  public static final StructType REFERENCE = new StructType()
      .add("doc_id", DataTypes.StringType, true)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("content", DataTypes.StringType, false);

  public static final StructType SCHEMA = new StructType()
      .add("question_id", DataTypes.StringType, false)
      .add("corpus", DataTypes.StringType, false)
      .add("question", DataTypes.StringType, false)
      .add("references", DataTypes.createArrayType(REFERENCE, false), false)
      .add("generator", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false);

  private QuestionTable() {}

  public static Row row(String id, String corpus, String question, List<Reference> refs, String generator,
      String status) {
    Row[] r = new Row[refs.size()];
    for (int i = 0; i < r.length; i++) {
      Reference x = refs.get(i);
      r[i] = RowFactory.create(x.docId(), x.start(), x.end(), x.content());
    }
    return RowFactory.create(id, corpus, question, r, generator, status);
  }
}

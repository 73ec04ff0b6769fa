package org.tokenometry.jobs.tokenize;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schemas of the tables the tokenize stage writes (DESIGN §2). */
public final class TokenizeSchemas {
  private TokenizeSchemas() {}

  public static final StructType DOC_TOKENS = struct(
      "doc_id", StringType, "tokenizer", StringType, "corpus", StringType, "domain", StringType,
      "lang", StringType, "parallel_id", StringType, "tokens", LongType, "bytes", LongType, "chars", LongType,
      "words", LongType, "unk", LongType, "byte_fallback", LongType, "continued_words", LongType,
      "split_chars", LongType);

  public static final StructType COMPRESSION = struct(
      "tokenizer", StringType, "corpus", StringType, "domain", StringType, "lang", StringType,
      "docs", LongType, "bytes", LongType, "chars", LongType, "words", LongType, "sentences", LongType,
      "tokens", LongType, "bytes_per_token", DoubleType, "chars_per_token", DoubleType,
      "tokens_per_word", DoubleType, "tokens_per_sentence", DoubleType, "continued_word_rate", DoubleType,
      "single_token_word_rate", DoubleType, "nsl", DoubleType, "premium", DoubleType,
      "renyi_efficiency", DoubleType, "tokens_per_second", DoubleType);

  public static final StructType TOP_TOKEN = struct("token", StringType, "count", LongType);

  public static final StructType COVERAGE = struct(
      "tokenizer", StringType, "corpus", StringType, "lang", StringType, "tokens", LongType,
      "unk_rate", DoubleType, "byte_fallback_rate", DoubleType, "split_char_rate", DoubleType,
      "vocab_size", IntegerType, "distinct_tokens", LongType, "vocab_utilization", DoubleType,
      "lexicon_type_rate", DoubleType, "lexicon_token_rate", DoubleType,
      "top_tokens", createArrayType(TOP_TOKEN, true));

  public static final StructType FAIRNESS = struct(
      "tokenizer", StringType, "corpus", StringType, "languages", IntegerType, "pivot_lang", StringType,
      "premium_mean", DoubleType, "premium_max", DoubleType, "premium_max_lang", StringType, "gini", DoubleType);

  public static final StructType VOCAB_PROFILE = struct(
      "tokenizer", StringType, "category", StringType, "script", StringType, "count", LongType,
      "share", DoubleType);

  private static StructType struct(Object... nameType) {
    StructField[] f = new StructField[nameType.length / 2];
    for (int i = 0; i < f.length; i++) {
      f[i] = createStructField((String) nameType[2 * i], (DataType) nameType[2 * i + 1], true);
    }
    return createStructType(List.of(f));
  }
}

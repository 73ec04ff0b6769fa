package org.tokenometry.jobs.tokenize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * Spark SQL functions over the job's tokenizers, registered on the session by the tokenize stage:
 * <pre>
 *   SELECT lang, token_count(text, 'gpt4o') AS n, tokens(text, 'llama3') AS ids FROM documents
 * </pre>
 * {@code token_count(text, name)} is an int, {@code tokens(text, name)} an array&lt;int&gt; of ids (no
 * special tokens added). Null text gives null; an unknown name is an error listing the registered ones.
 */
public final class TokenizerUdfs {
  private TokenizerUdfs() {}

  public static void register(SparkSession spark, List<ShippedTokenizer> tokenizers) {
    Map<String, ShippedTokenizer> byName = new LinkedHashMap<>();
    tokenizers.forEach(t -> byName.put(t.name(), t));
    spark.udf().register("token_count", (UDF2<String, String, Integer>) (text, name) ->
        text == null ? null : find(byName, name).open().count(text), DataTypes.IntegerType);
    spark.udf().register("tokens", (UDF2<String, String, List<Integer>>) (text, name) -> {
      if (text == null) {
        return null;
      }
      int[] ids = find(byName, name).open().encode(text).ids();
      List<Integer> out = new ArrayList<>(ids.length);
      for (int id : ids) {
        out.add(id);
      }
      return out;
    }, DataTypes.createArrayType(DataTypes.IntegerType, false));
  }

  private static ShippedTokenizer find(Map<String, ShippedTokenizer> byName, String name) {
    ShippedTokenizer t = byName.get(name);
    if (t == null) {
      throw new IllegalArgumentException("unknown tokenizer '" + name + "' in token_count/tokens; this run has "
          + byName.keySet());
    }
    return t;
  }
}

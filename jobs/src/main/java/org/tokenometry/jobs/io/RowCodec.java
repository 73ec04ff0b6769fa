package org.tokenometry.jobs.io;

import static org.apache.spark.sql.functions.col;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A table's Spark schema and rows, derived from the table's row record in the core ({@code udfs/.../tables}), so
 * a table's columns are written down once: the record's components, in order. A component {@code bytesPerToken}
 * is the column {@code bytes_per_token}; {@code String}, {@code long}, {@code int}, {@code double},
 * {@code boolean} (boxed when the column is nullable), nested records (structs) and {@code List}s of those
 * (arrays) map to their Spark types.
 */
public final class RowCodec<R extends Record> {
  private static final Map<Class<?>, RowCodec<?>> CODECS = new ConcurrentHashMap<>();

  private final Class<R> type;
  private final String[] names;
  private final Class<?>[] javaTypes;
  private final RowCodec<?>[] elements; // per component: the record codec of a struct or of an array's elements
  private final MethodHandle[] accessors;
  private final MethodHandle constructor;
  private final StructType schema;

  @SuppressWarnings("unchecked")
  public static <R extends Record> RowCodec<R> of(Class<R> type) {
    // not computeIfAbsent: building a codec builds its nested records' codecs, and a recursive computeIfAbsent
    // throws "Recursive update" when both keys fall in one bin (by identity hash: some JVMs, not others)
    RowCodec<?> c = CODECS.get(type);
    if (c == null) {
      RowCodec<?> built = new RowCodec<>(type);
      c = CODECS.putIfAbsent(type, built);
      c = c == null ? built : c;
    }
    return (RowCodec<R>) c;
  }

  private RowCodec(Class<R> type) {
    this.type = type;
    RecordComponent[] cs = type.getRecordComponents();
    names = new String[cs.length];
    javaTypes = new Class<?>[cs.length];
    elements = new RowCodec<?>[cs.length];
    accessors = new MethodHandle[cs.length];
    StructField[] fields = new StructField[cs.length];
    Class<?>[] ctorTypes = new Class<?>[cs.length];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      for (int i = 0; i < cs.length; i++) {
        names[i] = column(cs[i].getName());
        javaTypes[i] = cs[i].getType();
        ctorTypes[i] = cs[i].getType();
        DataType dt = sparkType(cs[i].getType(), cs[i].getGenericType(), i);
        fields[i] = DataTypes.createStructField(names[i], dt, !cs[i].getType().isPrimitive());
        accessors[i] = lookup.unreflect(cs[i].getAccessor());
      }
      constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(ctorTypes));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " must be a public record", e);
    }
    schema = DataTypes.createStructType(fields);
  }

  /** The column name of a record component: {@code nBytes} -> {@code n_bytes}. */
  static String column(String component) {
    StringBuilder b = new StringBuilder(component.length() + 4);
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private DataType sparkType(Class<?> c, Type generic, int i) {
    if (c == List.class) {
      Type arg = ((ParameterizedType) generic).getActualTypeArguments()[0];
      Class<?> element = (Class<?>) arg;
      DataType et = sparkType(element, element, i);
      return DataTypes.createArrayType(et, !element.isPrimitive());
    }
    if (c.isRecord()) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      RowCodec<?> nested = of((Class) c);
      elements[i] = nested;
      return nested.schema;
    }
    if (c == String.class) {
      return DataTypes.StringType;
    }
    if (c == long.class || c == Long.class) {
      return DataTypes.LongType;
    }
    if (c == int.class || c == Integer.class) {
      return DataTypes.IntegerType;
    }
    if (c == double.class || c == Double.class) {
      return DataTypes.DoubleType;
    }
    if (c == boolean.class || c == Boolean.class) {
      return DataTypes.BooleanType;
    }
    throw new IllegalArgumentException(type.getSimpleName() + ": no column type for " + c.getName());
  }

  public StructType schema() {
    return schema;
  }

  /** The column names, in order. */
  public List<String> columns() {
    return List.of(names);
  }

  public Row toRow(R record) {
    Object[] values = new Object[names.length];
    try {
      for (int i = 0; i < values.length; i++) {
        values[i] = toSpark(accessors[i].invoke(record), i);
      }
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + type.getSimpleName() + " " + record, e);
    }
    return new GenericRowWithSchema(values, schema);
  }

  /** Spark's row encoders take arrays as Scala sequences (not Java lists), and structs as rows. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object toSpark(Object v, int i) {
    if (v == null) {
      return null;
    }
    RowCodec codec = elements[i];
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(o == null || codec == null ? o : codec.toRow((Record) o));
      }
      return CollectionConverters.asScala(out).toSeq();
    }
    return codec == null ? v : codec.toRow((Record) v);
  }

  /**
   * The record of one row, by column name: a row from a table written by an older version may lack a nullable
   * column (null then); a missing non-null column is an error naming it.
   */
  public R fromRow(Row row) {
    Object[] args = new Object[names.length];
    StructType rs = row.schema();
    for (int i = 0; i < names.length; i++) {
      int at = rs == null ? i : indexOf(rs, names[i]);
      Object v = at < 0 || row.isNullAt(at) ? null : fromSpark(row, at, i);
      if (v == null && javaTypes[i].isPrimitive()) {
        throw new IllegalStateException(type.getSimpleName() + ": column '" + names[i] + "' is "
            + (at < 0 ? "missing" : "null") + " (a table written by an older version? rerun its stage)");
      }
      args[i] = v;
    }
    try {
      return (R) constructor.invokeWithArguments(args);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName() + " from " + row, e);
    }
  }

  private static int indexOf(StructType s, String name) {
    return s.getFieldIndex(name).isDefined() ? (Integer) s.getFieldIndex(name).get() : -1;
  }

  private Object fromSpark(Row row, int at, int i) {
    Class<?> c = javaTypes[i];
    if (c == List.class) {
      List<Object> out = new ArrayList<>();
      for (Object o : row.getList(at)) {
        out.add(o instanceof Row r && elements[i] != null ? elements[i].fromRow(r) : o);
      }
      return out;
    }
    if (elements[i] != null) {
      return elements[i].fromRow(row.getStruct(at));
    }
    Object v = row.get(at);
    if (v instanceof Number n) { // tolerate the width a table was written with
      if (c == long.class || c == Long.class) {
        return n.longValue();
      }
      if (c == int.class || c == Integer.class) {
        return n.intValue();
      }
      if (c == double.class || c == Double.class) {
        return n.doubleValue();
      }
    }
    return c == String.class ? String.valueOf(v) : v;
  }

  public Dataset<Row> dataFrame(SparkSession spark, List<R> records) {
    List<Row> rows = new ArrayList<>(records.size());
    for (R r : records) {
      rows.add(toRow(r));
    }
    if (rows.size() <= LOCAL_ROWS) {
      return spark.createDataFrame(rows, schema);
    }
    // a local relation keeps its rows in the plan, and Spark's planner walks the plan's fields again and again
    // (vocab_tokens: 1.5 million rows, seconds of planning and a 107 MB task); an RDD's slices are not in it
    int slices = Math.max(spark.sparkContext().defaultParallelism(), rows.size() / (10 * LOCAL_ROWS));
    return spark.createDataFrame(
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
        schema);
  }

  /** Rows up to which {@link #dataFrame} keeps a table local to the plan. */
  static final int LOCAL_ROWS = 10_000;

  /** Every row of a (small) table, collected to the driver. */
  public List<R> collect(Dataset<Row> table) {
    List<R> out = new ArrayList<>();
    for (Row r : table.collectAsList()) {
      out.add(fromRow(r));
    }
    return out;
  }

  /**
   * {@code df} with exactly this table's columns, in order and of its types: for tables Spark computes (an
   * aggregation), so the record still defines the columns. A column {@code df} lacks is an error naming it.
   */
  public Dataset<Row> conform(Dataset<Row> df) {
    List<String> have = List.of(df.columns());
    Column[] cols = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      if (!have.contains(names[i])) {
        throw new IllegalStateException(type.getSimpleName() + ": the computed table has no column '" + names[i]
            + "' (it has " + have + ")");
      }
      cols[i] = col(names[i]).cast(schema.fields()[i].dataType()).as(names[i]);
    }
    return df.select(cols);
  }
}

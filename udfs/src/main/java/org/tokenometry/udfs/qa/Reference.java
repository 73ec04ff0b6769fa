package org.tokenometry.udfs.qa;

/** A reference excerpt of a question: code-point offsets (Python indices) into a document, end exclusive. */
public record Reference(String docId, int start, int end, String content) {}

package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/** The grain of the compression table: tokenizer x corpus x domain x lang. */
public record GroupKey(String tokenizer, String corpus, String domain, String lang) implements Serializable {}

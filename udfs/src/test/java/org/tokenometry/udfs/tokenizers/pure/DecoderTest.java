package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each decoder step on hand-made token lists, worked out from the reference engine's rules. */
class DecoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Decoder decoder(String json) throws Exception {
    return Decoder.of(JSON.readTree(json));
  }

  @Test
  void byteLevelMapsTheAlphabetBackAndKeepsPlainTextTokens() throws Exception {
    Decoder d = decoder("{\"type\":\"ByteLevel\"}");
    // Ġ = space; "<|endoftext|>" is all printable ASCII (in the alphabet as itself); Ã = byte C3, alone ill-formed
    assertEquals(" hello<|endoftext|>\uFFFD", d.decode(List.of("\u0120hello", "<|endoftext|>", "\u00C3")));
    // Ã © = C3 A9 = é across two tokens
    assertEquals("\u00E9", d.decode(List.of("\u00C3", "\u00A9")));
    // a token with a character outside the alphabet (中) is taken as its own UTF-8, Ġ included as C4 A0 = Ġ
    assertEquals("\u0120\u4E2D", d.decode(List.of("\u0120\u4E2D")));
  }

  @Test
  void byteFallbackJoinsRunsOfByteTokens() throws Exception {
    Decoder d = decoder("{\"type\":\"ByteFallback\"}");
    // E4 B8 AD = 中; a lone E4 is one U+FFFD per byte; <0x+F> is byte 0F as Rust's from_str_radix reads "+F"
    assertEquals(List.of("\u4E2D", "a", "\uFFFD", "b", "\u000F"),
        d.decodeChain(List.of("<0xE4>", "<0xB8>", "<0xAD>", "a", "<0xE4>", "b", "<0x+F>")));
    // two bytes of an incomplete character: two U+FFFD, not one; <0xZZ> is not a byte token
    assertEquals(List.of("\uFFFD", "\uFFFD", "<0xZZ>"), d.decodeChain(List.of("<0xE4>", "<0xB8>", "<0xZZ>")));
  }

  @Test
  void llama2sSequenceReplacesFusesAndStripsOneLeadingSpace() throws Exception {
    Decoder d = decoder("{\"type\":\"Sequence\",\"decoders\":["
        + "{\"type\":\"Replace\",\"pattern\":{\"String\":\"\u2581\"},\"content\":\" \"},{\"type\":\"ByteFallback\"},{\"type\":\"Fuse\"},"
        + "{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":0}]}");
    assertEquals("Hello  world\u4E2D",
        d.decode(List.of("\u2581Hello", "\u2581", "\u2581world", "<0xE4>", "<0xB8>", "<0xAD>")));
    assertEquals(" x", d.decode(List.of("\u2581\u2581x"))); // only one leading space is stripped
  }

  @Test
  void wordPieceJoinsContinuationsAndCleansUpPerToken() throws Exception {
    Decoder d = decoder("{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":true}");
    // "##x" first keeps its prefix; " ," -> ","; " !" -> "!"; " '" alone is not " ' " so it stays
    assertEquals("##play, words! don ' t",
        d.decode(List.of("##play", ",", "word", "##s", "!", "don", "'", "t")));
    Decoder raw = decoder("{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":false}");
    assertEquals("a , b", raw.decode(List.of("a", ",", "b")));
  }

  @Test
  void noDecoderJoinsWithSpaces() throws Exception {
    assertEquals("a b\u2581c", Decoder.of(JSON.missingNode()).decode(List.of("a", "b\u2581c")));
  }

  @Test
  void refusesDecodersItDoesNotImplement() throws Exception {
    for (String json : List.of("{\"type\":\"Metaspace\",\"replacement\":\"\u2581\"}", "{\"type\":\"CTC\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"a+\"},\"content\":\"b\"}")) {
      JsonNode node = JSON.readTree(json);
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Decoder.of(node));
      assertTrue(e.getMessage().startsWith("decoder "), e.getMessage());
    }
  }
}

package io.emms.transport.nbiot.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Splits the bytes of an AT serial line into lines: a line ends at CR or LF, so both the host's {@code AT...\r} and
 * the modem's {@code \r\n...\r\n} work; empty lines are dropped. Not thread-safe: one serial reader feeds it.
 */
public final class AtLines {

  /** A line longer than this is cut: {@code AT+NSORF} answers carry up to 2 × 1358 hex digits of data. */
  private static final int MAX_LINE = 4096;

  private final StringBuilder line = new StringBuilder();
  private final Consumer<String> sink;

  public AtLines(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Feeds bytes; calls the sink for each complete line. */
  public void feed(ByteBuf data) {
    while (data.isReadable()) {
      char c = (char) (data.readByte() & 0xFF);
      if (c == '\r' || c == '\n') {
        if (!line.isEmpty()) {
          String complete = line.toString();
          line.setLength(0);
          sink.accept(complete);
        }
      } else if (line.length() < MAX_LINE) {
        line.append(c);
      }
    }
  }

  /** Text as a buffer to write to the line. */
  public static ByteBuf ascii(ByteBufAllocator allocator, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return allocator.buffer(bytes.length).writeBytes(bytes);
  }

  /** Bytes as the upper-case hex digits AT commands carry data in. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  /** Hex digits back to bytes; an {@link IllegalArgumentException} for anything else. */
  public static byte[] unhex(String digits) {
    return HexFormat.of().parseHex(digits);
  }
}

package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HexFormat;
import java.util.Locale;

/** Hex helpers for tests. Buffers come from the pooled allocator so the PARANOID leak detector tracks them. */
public final class Hex {

  private Hex() {}

  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /** A pooled, leak-tracked buffer holding the bytes; the caller releases it. */
  public static ByteBuf buf(String hex) {
    return buf(bytes(hex));
  }

  public static ByteBuf buf(byte[] bytes) {
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(Math.max(1, bytes.length));
    return buf.writeBytes(bytes);
  }

  /** Upper-case hex with single spaces, as the notes write frames. */
  public static String dump(ByteBuf buf) {
    return spaced(ByteBufUtil.hexDump(buf));
  }

  public static String dump(byte[] bytes) {
    return spaced(HexFormat.of().formatHex(bytes));
  }

  private static String spaced(String hex) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(hex, i, i + 2);
    }
    return s.toString().toUpperCase(Locale.ROOT);
  }
}

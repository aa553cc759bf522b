package io.emms.dlt645.client;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;

/**
 * The meter end of a pipe that answers each request with the next scripted byte sequences, written
 * one after another: hand-made golden replies, replies from the wrong address, line garbage.
 */
final class ScriptedMeterEnd implements LinkListener {

  private final Link link;
  private final Queue<List<String>> script = new ArrayDeque<>();
  final List<String> requests = new ArrayList<>();

  ScriptedMeterEnd(Link link) {
    this.link = link;
    link.setListener(this);
    link.open().join();
  }

  /** The next request is answered with these pieces (hex), each written separately. */
  ScriptedMeterEnd thenAnswer(String... pieces) {
    script.add(List.of(pieces));
    return this;
  }

  @Override
  public synchronized void onData(ByteBuf data) {
    requests.add(HexFormat.of().withUpperCase().formatHex(bytes(data)));
    List<String> pieces = script.poll();
    if (pieces != null) {
      for (String piece : pieces) {
        link.write(Unpooled.wrappedBuffer(HexFormat.of().parseHex(piece.replace(" ", ""))));
      }
    }
  }

  private static byte[] bytes(ByteBuf data) {
    byte[] b = new byte[data.readableBytes()];
    data.getBytes(data.readerIndex(), b);
    return b;
  }
}

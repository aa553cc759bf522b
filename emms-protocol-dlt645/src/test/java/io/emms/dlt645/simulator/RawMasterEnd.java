package io.emms.dlt645.simulator;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A master end of a pipe that sends hand-written hex and collects what comes back, for golden-frame tests. */
public final class RawMasterEnd implements LinkListener {

  private final Link link;
  private final LinkedBlockingQueue<Byte> received = new LinkedBlockingQueue<>();

  public RawMasterEnd(Link link) {
    this.link = link;
    link.setListener(this);
    link.open().join();
  }

  @Override
  public void onData(ByteBuf data) {
    for (int i = data.readerIndex(); i < data.writerIndex(); i++) {
      received.add(data.getByte(i));
    }
  }

  /** Sends hex such as {@code "68 25 04 ..."} (spaces ignored). */
  public void send(String hex) {
    link.write(Unpooled.wrappedBuffer(hex(hex))).join();
  }

  /** Waits for exactly {@code length} bytes and returns them as spaced upper-case hex. */
  public String receive(int length, Duration within) throws InterruptedException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      Byte b = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      if (b == null) {
        throw new AssertionError("only " + i + " of " + length + " bytes arrived: " + s);
      }
      s.append(i == 0 ? "" : " ").append(String.format("%02X", b));
    }
    return s.toString();
  }

  /** Collects bytes until they end with {@code suffix} (spaced hex) and returns all of them. */
  public String receiveUntil(String suffix, Duration within) throws InterruptedException {
    StringBuilder s = new StringBuilder();
    long deadline = System.nanoTime() + within.toNanos();
    while (!s.toString().endsWith(suffix)) {
      Byte b = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (b == null) {
        throw new AssertionError("no " + suffix + " within " + within + ", got: " + s);
      }
      s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", b));
    }
    return s.toString();
  }

  /** Whether nothing (more) arrives within {@code quiet}. */
  public boolean silentFor(Duration quiet) throws InterruptedException {
    return received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  public static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  public static String hex(ByteBuf buf) {
    return ByteBufUtil.hexDump(buf).toUpperCase();
  }
}

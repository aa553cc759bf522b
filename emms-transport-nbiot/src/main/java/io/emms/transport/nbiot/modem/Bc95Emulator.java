package io.emms.transport.nbiot.modem;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.transport.nbiot.internal.AtLines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BC95-style modem for tests: answers the AT commands {@link Bc95Link} sends on the modem end of a serial line
 * (a socat pty pair, or an in-memory pipe) and carries the datagrams over real UDP sockets bound to loopback.
 *
 * <p>Power saving is simulated. After {@code AT+CPSMS=1,...} the modem is reachable only for the requested
 * active time (T3324) after it last sent; {@link #sleep()} ends that time at once. A datagram that arrives while
 * it sleeps is dropped and counted, as the network would not page a device in PSM: no downlink reaches a
 * sleeping device until it sends. With {@code natRebinding} each wake-up sends from a new local port, as cellular
 * NAT does after a while.
 */
public final class Bc95Emulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Bc95Emulator.class);
  private static final Pattern NSOCR = Pattern.compile("AT\\+NSOCR=\"DGRAM\",17,(\\d+)(,[01])?");
  private static final Pattern NSOST = Pattern.compile("AT\\+NSOST=(\\d+),([0-9.]+),(\\d+),(\\d+),([0-9A-Fa-f]*)");
  private static final Pattern NSORF = Pattern.compile("AT\\+NSORF=(\\d+),(\\d+)");
  private static final Pattern NSOCL = Pattern.compile("AT\\+NSOCL=(\\d+)");
  private static final Pattern CPSMS =
      Pattern.compile("AT\\+CPSMS=([01])(?:,[^,]*,[^,]*,\"([01]{8})\",\"([01]{8})\")?");
  private static final int MAX_SOCKETS = 7;

  private final Link line;
  private final boolean natRebinding;
  private final Map<Integer, EmulatedSocket> sockets = new HashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private Duration activeTime;
  private long awakeUntilNanos;
  private boolean asleep;

  /** @param natRebinding whether each wake-up from PSM sends from a new local port */
  public Bc95Emulator(Link line, boolean natRebinding) {
    this.line = Objects.requireNonNull(line, "line");
    this.natRebinding = natRebinding;
  }

  /** Opens the modem end of the line and starts answering. */
  public Bc95Emulator start() {
    AtLines lines = new AtLines(this::execute);
    line.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        lines.feed(data);
      }
    });
    line.open().join();
    return this;
  }

  /** Ends the active time now, as if T3324 had run out: the modem is unreachable until it sends. */
  public synchronized void sleep() {
    if (activeTime != null) {
      asleep = true;
    }
  }

  /** Whether the modem is in PSM now. */
  public synchronized boolean isAsleep() {
    if (activeTime != null && !asleep && System.nanoTime() - awakeUntilNanos >= 0) {
      asleep = true;
    }
    return asleep;
  }

  /** Datagrams that arrived while the modem slept, and were lost. */
  public long droppedWhileAsleep() {
    return dropped.get();
  }

  /** Runs on the line's reader thread: one command, one answer. */
  private void execute(String command) {
    String answer;
    try {
      answer = answer(command.strip());
    } catch (RuntimeException e) {
      log.debug("emulated modem: {} failed", command, e);
      answer = "ERROR";
    }
    respond(answer);
  }

  private synchronized String answer(String command) {
    Matcher m;
    if (command.equals("AT") || command.equals("ATE0")) {
      return "OK";
    }
    if ((m = CPSMS.matcher(command)).matches()) {
      activeTime = m.group(1).equals("1") && m.group(3) != null ? PsmTimers.activeTimeOf(m.group(3)) : null;
      asleep = false;
      awake();
      return "OK";
    }
    if ((m = NSOCR.matcher(command)).matches()) {
      return create(Integer.parseInt(m.group(1)));
    }
    if ((m = NSOST.matcher(command)).matches()) {
      return send(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), m.group(5));
    }
    if ((m = NSORF.matcher(command)).matches()) {
      return read(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if ((m = NSOCL.matcher(command)).matches()) {
      EmulatedSocket socket = sockets.remove(Integer.parseInt(m.group(1)));
      if (socket == null) {
        return "ERROR";
      }
      socket.close();
      return "OK";
    }
    return "ERROR";
  }

  private String create(int port) {
    if (sockets.size() >= MAX_SOCKETS) {
      return "ERROR";
    }
    int number = 0;
    while (sockets.containsKey(number)) {
      number++;
    }
    sockets.put(number, new EmulatedSocket(number, port));
    return number + "\r\n\r\nOK";
  }

  private String send(int number, String host, int port, int length, String hex) {
    EmulatedSocket socket = sockets.get(number);
    byte[] bytes = AtLines.unhex(hex);
    if (socket == null || bytes.length != length) {
      return "ERROR";
    }
    if (isAsleep()) {
      asleep = false;
      if (natRebinding) {
        socket.rebind();
      }
    }
    awake();
    try {
      socket.udp.send(new DatagramPacket(bytes, length, new InetSocketAddress(host, port)));
    } catch (IOException e) {
      return "ERROR";
    }
    return number + "," + length + "\r\n\r\nOK";
  }

  private String read(int number, int max) {
    EmulatedSocket socket = sockets.get(number);
    if (socket == null) {
      return "ERROR";
    }
    DatagramPacket packet = socket.received.poll();
    if (packet == null) {
      return "OK";
    }
    int length = Math.min(max, packet.getLength());
    String hex = AtLines.hex(Arrays.copyOf(packet.getData(), length));
    int remaining = packet.getLength() - length;
    return number + "," + packet.getAddress().getHostAddress() + "," + packet.getPort() + "," + length + ","
        + hex + "," + remaining + "\r\n\r\nOK";
  }

  private void awake() {
    if (activeTime != null) {
      awakeUntilNanos = System.nanoTime() + activeTime.toNanos();
    }
  }

  /** A datagram arrived on a socket's receiver thread: queued and announced, or lost to PSM. */
  private void arrived(EmulatedSocket socket, DatagramPacket packet) {
    synchronized (this) {
      if (isAsleep()) {
        dropped.incrementAndGet();
        return;
      }
      socket.received.add(packet);
    }
    respond("+NSONMI:" + socket.number + "," + packet.getLength());
  }

  private void respond(String text) {
    line.write(AtLines.ascii(ByteBufAllocator.DEFAULT, "\r\n" + text + "\r\n"));
  }

  @Override
  public synchronized void close() {
    sockets.values().forEach(EmulatedSocket::close);
    sockets.clear();
    line.close();
  }

  /** One modem socket: a loopback UDP socket with its receiver thread. */
  private final class EmulatedSocket {
    final int number;
    final ArrayDeque<DatagramPacket> received = new ArrayDeque<>();
    DatagramSocket udp;

    EmulatedSocket(int number, int port) {
      this.number = number;
      this.udp = bind(port);
    }

    void rebind() {
      DatagramSocket old = udp;
      udp = bind(0);
      old.close();
    }

    private DatagramSocket bind(int port) {
      try {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread receiver = new Thread(() -> receive(socket), "emms-bc95-emulator socket " + number);
        receiver.setDaemon(true);
        receiver.start();
        return socket;
      } catch (SocketException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void receive(DatagramSocket socket) {
      while (!socket.isClosed()) {
        byte[] buffer = new byte[1358];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (IOException e) {
          return; // closed
        }
        arrived(this, packet);
      }
    }

    void close() {
      udp.close();
    }
  }
}

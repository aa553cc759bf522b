package io.emms.transport.nbiot.modem;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.nbiot.internal.AtLines;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Link} of datagrams to one server through a Quectel BC95/BC95-G/BC28-style NB-IoT modem, driven with the
 * UDP socket commands of the Quectel BC95 AT Commands Manual V2.0 (§5.4–5.8; the same in the BC95-G&amp;BC68 AT
 * Commands Manual V1.2, §4.4–4.8) over a serial line:
 *
 * <ul>
 *   <li>open: {@code ATE0}, then, if PSM timers are configured, {@code AT+CPSMS=1,,,"T3412","T3324"} (§3.20), then
 *       {@code AT+NSOCR="DGRAM",17,<port>,1}, which answers the socket number and turns on receive notices;
 *   <li>write: {@code AT+NSOST=<socket>,<ip>,<port>,<length>,<hex>}, answered {@code <socket>,<length>};
 *   <li>receive: the notice {@code +NSONMI:<socket>,<length>} makes the driver read with
 *       {@code AT+NSORF=<socket>,<length>}, answered {@code <socket>,<ip>,<port>,<length>,<hex>,<remaining>}; each
 *       datagram from the server is one {@code onData} call (datagrams from any other address are dropped);
 *   <li>close: {@code AT+NSOCL=<socket>}, then the serial line is closed.
 * </ul>
 *
 * <p>AT commands run one at a time on the driver's own thread; listener calls come from it too. A command that
 * fails or goes unanswered fails its operation with a {@link ModemException}.
 */
public final class Bc95Link implements Link {

  private static final Logger log = LoggerFactory.getLogger(Bc95Link.class);
  private static final String RECEIVE_NOTICE = "+NSONMI:";
  private static final String NO_REPLY = "\u0000";

  private final Link line;
  private final Bc95Config config;
  private final String name;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private volatile LinkListener listener = data -> {};
  private ExecutorService commands;
  private CompletableFuture<Void> opened;
  private volatile int socket = -1;

  /** A driver over any serial line (a {@link SerialLink}, or an in-memory pipe in tests). */
  public Bc95Link(Link line, Bc95Config config) {
    this.line = Objects.requireNonNull(line, "line");
    this.config = Objects.requireNonNull(config, "config");
    this.name = "nbiot:" + config.serverAddress() + ":" + config.serverPort() + " via " + line.name();
  }

  /** A driver over the serial port at {@code path}, at the BC95's default 9600 8N1. */
  public static Bc95Link overSerial(String path, Bc95Config config) {
    return new Bc95Link(new SerialLink(SerialConfig.builder(path).baudRate(9600).parity(Parity.NONE).build()), config);
  }

  @Override
  public String name() {
    return name;
  }

  /** Opens the serial line and the modem's UDP socket; fails with a {@link ModemException} if the modem refuses. */
  @Override
  public synchronized CompletableFuture<Void> open() {
    if (opened != null) {
      return opened;
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "emms-" + name);
      t.setDaemon(true);
      return t;
    });
    commands = executor;
    AtLines lines = new AtLines(this::onLine);
    line.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        lines.feed(data);
      }

      @Override
      public void onClosed(Throwable cause) {
        if (cause != null) {
          replies.add(NO_REPLY);
          log.warn("{}: serial line dropped", name, cause);
        }
      }
    });
    opened = line.open().thenRunAsync(this::openSocket, executor);
    opened.whenComplete((ok, failure) -> {
      if (failure != null) {
        closeAsync();
      }
    });
    return opened;
  }

  private void openSocket() {
    command("ATE0");
    config.psm().ifPresent(psm -> command(psm.command()));
    List<String> answer = command("AT+NSOCR=\"DGRAM\",17," + config.localPort() + ",1");
    socket = parseInt(single(answer, "AT+NSOCR"), "AT+NSOCR");
    notifyListener(() -> listener.onOpen());
  }

  @Override
  public boolean isOpen() {
    return socket >= 0;
  }

  /** Sends the bytes as one datagram with {@code AT+NSOST}; completes once the modem has taken it. */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    String hex;
    int length;
    try {
      length = data.readableBytes();
      byte[] bytes = new byte[length];
      data.readBytes(bytes);
      hex = AtLines.hex(bytes);
    } finally {
      data.release();
    }
    int s = socket;
    ExecutorService executor = executor();
    if (s < 0 || executor == null) {
      return CompletableFuture.failedFuture(new LinkException(name + " is closed"));
    }
    try {
      return CompletableFuture.runAsync(() -> {
        String command = "AT+NSOST=" + s + "," + config.serverAddress() + "," + config.serverPort() + ","
            + length + "," + hex;
        String answer = single(command(command), "AT+NSOST");
        if (!answer.equals(s + "," + length)) {
          throw new ModemException(name + ": AT+NSOST answered \"" + answer + "\", not \"" + s + "," + length + "\"");
        }
      }, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new LinkException(name + " is closed"));
    }
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Closes the modem's socket ({@code AT+NSOCL}, best effort) and the serial line. */
  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    ExecutorService executor = commands;
    if (executor == null) {
      return CompletableFuture.completedFuture(null);
    }
    commands = null;
    opened = null;
    CompletableFuture<Void> done = new CompletableFuture<>();
    executor.execute(() -> {
      int s = socket;
      socket = -1;
      if (s >= 0) {
        try {
          command("AT+NSOCL=" + s);
        } catch (LinkException e) {
          log.debug("{}: could not close socket {}", name, s, e);
        }
      }
      line.closeAsync().whenComplete((ok, failure) -> {
        notifyListener(() -> listener.onClosed(null));
        done.complete(null);
      });
    });
    executor.shutdown();
    return done;
  }

  private synchronized ExecutorService executor() {
    return commands;
  }

  /** Serial reader thread: receive notices start a read on the command thread, the rest are replies. */
  private void onLine(String text) {
    if (text.startsWith(RECEIVE_NOTICE)) {
      ExecutorService executor = executor();
      if (executor != null) {
        try {
          executor.execute(() -> receive(text));
        } catch (RejectedExecutionException e) {
          log.debug("{}: closing, notice dropped: {}", name, text);
        }
      }
      return;
    }
    replies.add(text);
  }

  private void receive(String notice) {
    try {
      String[] fields = notice.substring(RECEIVE_NOTICE.length()).split(",");
      int s = parseInt(fields[0].strip(), "+NSONMI");
      int remaining = fields.length > 1 ? parseInt(fields[1].strip(), "+NSONMI") : 0;
      while (remaining > 0) {
        List<String> answer = command("AT+NSORF=" + s + "," + remaining);
        if (answer.isEmpty()) {
          return; // nothing buffered after all
        }
        remaining = deliver(single(answer, "AT+NSORF"));
      }
    } catch (LinkException e) {
      log.warn("{}: could not read a datagram: {}", name, e.getMessage());
    }
  }

  /** Hands the datagram of an {@code AT+NSORF} answer to the listener; returns the bytes it says remain. */
  private int deliver(String answer) {
    String[] f = answer.split(",");
    if (f.length != 6) {
      throw new ModemException(name + ": cannot read the AT+NSORF answer \"" + answer + "\"");
    }
    int remaining = parseInt(f[5], "AT+NSORF");
    boolean fromServer = f[1].equals(config.serverAddress()) && parseInt(f[2], "AT+NSORF") == config.serverPort();
    if (!fromServer) {
      log.debug("{}: dropped a datagram from {}:{}", name, f[1], f[2]);
      return remaining;
    }
    byte[] bytes;
    try {
      bytes = AtLines.unhex(f[4]);
    } catch (IllegalArgumentException e) {
      throw new ModemException(name + ": AT+NSORF data is not hex: " + f[4]);
    }
    ByteBuf data = Unpooled.wrappedBuffer(bytes);
    try {
      listener.onData(data);
    } catch (RuntimeException e) {
      log.warn("{}: listener failed on {} bytes", name, bytes.length, e);
    } finally {
      data.release();
    }
    return remaining;
  }

  /** Sends one command and returns its information lines; throws unless it ends in {@code OK}. */
  private List<String> command(String command) {
    replies.clear();
    line.write(AtLines.ascii(ByteBufAllocator.DEFAULT, command + "\r\n"));
    List<String> info = new ArrayList<>();
    long deadline = System.nanoTime() + config.commandTimeout().toNanos();
    while (true) {
      String reply = poll(deadline);
      if (reply == null || reply.equals(NO_REPLY)) {
        throw new ModemException(name + ": no answer to " + shorten(command) + " within " + config.commandTimeout());
      }
      if (reply.equals("OK")) {
        return info;
      }
      if (reply.equals("ERROR") || reply.startsWith("+CME ERROR")) {
        throw new ModemException(name + ": " + shorten(command) + " failed: " + reply);
      }
      if (!reply.equals(command)) { // an echo, before ATE0 took effect
        info.add(reply);
      }
    }
  }

  private String poll(long deadline) {
    try {
      return replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private String single(List<String> info, String command) {
    if (info.size() != 1) {
      throw new ModemException(name + ": " + command + " answered " + info + ", expected one line");
    }
    return info.get(0);
  }

  private int parseInt(String text, String command) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new ModemException(name + ": " + command + " answered \"" + text + "\", not a number");
    }
  }

  private static String shorten(String command) {
    return command.length() > 40 ? command.substring(0, 40) + "…" : command;
  }

  private void notifyListener(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("{}: listener failed on a state change", name, e);
    }
  }
}

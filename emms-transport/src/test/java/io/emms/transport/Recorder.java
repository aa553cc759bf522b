package io.emms.transport;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listener for tests: copies what arrives, keeps each {@code onData} call as one message, and queues state
 * changes. Waits are bounded only so that a broken link fails the test instead of hanging it.
 */
public final class Recorder implements LinkListener {

  public static final Duration PATIENCE = Duration.ofSeconds(10);

  /** A state change seen by the listener. */
  public record Event(String kind, Throwable cause) {}

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<byte[]> messages = new ArrayList<>();
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<ByteBuf> seen = new ArrayList<>();

  @Override
  public synchronized void onData(ByteBuf data) {
    byte[] copy = new byte[data.readableBytes()];
    data.getBytes(data.readerIndex(), copy);
    bytes.writeBytes(copy);
    messages.add(copy);
    seen.add(data);
    notifyAll();
  }

  @Override
  public void onOpen() {
    events.add(new Event("open", null));
  }

  @Override
  public void onClosed(Throwable cause) {
    events.add(new Event("closed", cause));
  }

  /** A listener that records like this one and also writes every piece it receives back to {@code link}. */
  public LinkListener echoingOn(Link link) {
    Recorder recorder = this;
    return new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        recorder.onData(data);
        link.write(data.retain());
      }

      @Override
      public void onOpen() {
        recorder.onOpen();
      }

      @Override
      public void onClosed(Throwable cause) {
        recorder.onClosed(cause);
      }
    };
  }

  /** Waits until at least {@code count} bytes arrived in all, then returns all bytes so far. */
  public synchronized byte[] awaitBytes(int count) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (bytes.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("got " + bytes.size() + " of " + count + " bytes");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return bytes.toByteArray();
  }

  /** Waits until at least {@code count} onData calls arrived, then returns them. */
  public synchronized List<byte[]> awaitMessages(int count) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (messages.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("got " + messages.size() + " of " + count + " messages");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(messages);
  }

  /** The next state change; fails if none comes. */
  public Event nextEvent() throws InterruptedException {
    Event event = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no state change within " + PATIENCE);
    }
    return event;
  }

  /** State changes not yet taken. */
  public List<Event> pendingEvents() {
    return List.copyOf(events);
  }

  /** The buffers handed to {@code onData}, to check that the link released them. */
  public synchronized List<ByteBuf> seenBuffers() {
    return List.copyOf(seen);
  }

  public synchronized void clear() {
    bytes.reset();
    messages.clear();
  }
}

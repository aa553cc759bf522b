package io.emms.dlt645.simulator;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645CodecConfig;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645FrameDecoder;
import io.emms.dlt645.codec.Dlt645FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves simulated meters on a {@link Link}: the slave side of a bus. Attach it to any link (a {@code PipeLink}
 * end, an accepted TCP connection, a serial port); every meter whose address a request matches answers it, in
 * the order the meters were added, and broadcasts are acted on silently.
 *
 * <pre>{@code
 * PipeLink[] bus = PipeLink.pair("demo");
 * SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of("000102030425")).build());
 * Dlt645Simulator simulator = Dlt645Simulator.attach(bus[1], meter);
 * simulator.start().join();
 * }</pre>
 *
 * <p>The same {@link SimulatedMeter} may be served on several links at once. Requests are handled on the link's
 * I/O thread.
 */
public final class Dlt645Simulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Dlt645Simulator.class);

  private final Link link;
  private final List<Served> meters = new CopyOnWriteArrayList<>();
  private final FrameAssembler<Dlt645Frame> assembler;
  private ByteBuf replyData;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong replies = new AtomicLong();
  private boolean closed;

  private record Served(SimulatedMeter meter, MeterResponder responder, Dlt645FrameEncoder encoder) {}

  private Dlt645Simulator(Link link) {
    this.link = link;
    this.assembler = new FrameAssembler<>(new Dlt645FrameDecoder(), this::onFrame, new LinkListener() {
      @Override
      public void onData(ByteBuf data) {}
    });
  }

  /** A simulator serving {@code meters} on {@code link}; call {@link #start()} to listen. */
  public static Dlt645Simulator attach(Link link, SimulatedMeter... meters) {
    Dlt645Simulator simulator = new Dlt645Simulator(link);
    for (SimulatedMeter meter : meters) {
      simulator.add(meter);
    }
    return simulator;
  }

  /** Serves one more meter on this link. */
  public Dlt645Simulator add(SimulatedMeter meter) {
    Dlt645CodecConfig codec = Dlt645CodecConfig.builder().wakeUpBytes(meter.config().feCount()).build();
    meters.add(new Served(meter, MeterResponder.of(meter), new Dlt645FrameEncoder(codec)));
    return this;
  }

  /** The meters served, in answering order. */
  public List<SimulatedMeter> meters() {
    return meters.stream().map(Served::meter).toList();
  }

  /** Starts listening: sets this simulator as the link's listener and opens the link. */
  public CompletableFuture<Void> start() {
    link.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        // The link may still deliver while close() releases the assembler.
        synchronized (assembler) {
          if (!closed) {
            assembler.onData(data);
          }
        }
      }

      @Override
      public void onClosed(Throwable cause) {
        // An accepted connection that closes never comes back: free the buffers (they return if it reopens).
        synchronized (assembler) {
          releaseBuffers();
        }
      }
    });
    return link.open();
  }

  /** Requests seen that were addressed to at least one served meter. */
  public long requestsHandled() {
    return requests.get();
  }

  /** Reply frames written. */
  public long repliesSent() {
    return replies.get();
  }

  private void onFrame(Dlt645Frame frame) {
    if (frame.isResponse()) {
      return;
    }
    Dlt645Address target = frame.address();
    boolean broadcast = target.isBroadcast();
    boolean wildcard = !broadcast && hasWildcard(target);
    boolean seen = false;
    for (Served served : meters) {
      if (!target.matches(served.meter().address())) {
        continue;
      }
      if (!seen) {
        requests.incrementAndGet();
        seen = true;
      }
      // The responder reads DATA through the frame's slice: rewind it for each meter.
      frame.data().readerIndex(0);
      if (replyData == null) {
        replyData = ByteBufAllocator.DEFAULT.buffer(256);
      }
      replyData.clear();
      int control;
      try {
        control = served.responder().respond(frame, broadcast, wildcard, replyData);
      } catch (RuntimeException e) {
        // A bug in the simulator must not kill the link thread; the master sees a timeout.
        log.warn("simulated meter {} failed on {}", served.meter().address(), frame, e);
        continue;
      }
      if (control != MeterResponder.NO_REPLY) {
        send(served, control);
      }
    }
  }

  private static boolean hasWildcard(Dlt645Address address) {
    return (address.raw() >>> 40) == 0xAA;
  }

  private void send(Served served, int control) {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer(served.encoder().encodedLength(replyData.readableBytes()));
    served.encoder().encode(served.meter().address(), control, replyData, out);
    replies.incrementAndGet();
    link.write(out);
  }

  /**
   * Stops answering and releases buffers; the link stays open (it belongs to whoever attached us). When the link
   * itself closes the buffers are released without this call, so a server may attach a simulator to each
   * accepted connection and forget it.
   */
  @Override
  public void close() {
    link.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {}
    });
    synchronized (assembler) {
      closed = true;
      releaseBuffers();
    }
  }

  private void releaseBuffers() {
    assembler.close();
    if (replyData != null) {
      replyData.release();
      replyData = null;
    }
  }
}

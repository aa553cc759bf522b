package io.emms.benchmarks.bus;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.Transaction;
import io.emms.core.link.FrameDecoder;
import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the {@code emms-bus} line engine itself costs, without a transport or a device in the way.
 *
 * <ul>
 *   <li>{@code transaction}: one whole half-duplex transaction (submit, queue, pick, write, response timer armed and
 *       cancelled, the reply decoded and judged, the future completed) on a link that answers synchronously inside
 *       {@code write} with the DL/T 645 worked-example reply (1206.42 kWh). Against {@code codecOnly}, which writes
 *       the same request and decodes the same reply without a line, it gives the scheduler's overhead.</li>
 *   <li>{@code framePath}: the receive path alone: the link delivers the 24-byte reply to the line's listener, the
 *       line appends it to its assembly buffer, the decoder finds the frame and the transaction on the wire judges
 *       it (it keeps waiting, so the same transaction stays on the wire for every op).</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar LineBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LineBenchmark {

  /** The notes' read reply: meter 000102030425, DI 00010000, 1206.42 kWh, with four FE. */
  private static final byte[] REPLY =
      ByteBufUtil.decodeHexDump("FEFEFEFE682504030201006891083333343375394533" + "8B16");
  /** The read request to that meter (never decoded here: the answering link drops it). */
  private static final byte[] REQUEST = ByteBufUtil.decodeHexDump("FEFEFEFE6825040302010068110433333433B316");

  private final Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
  private final ByteBuf reply = ByteBufAllocator.DEFAULT.buffer(64);
  private final ByteBuf scratch = ByteBufAllocator.DEFAULT.buffer(64);
  private AnsweringLink link;
  private Line line;
  private LinkListener listener;
  private Read done;
  private Read waiting;

  @Setup
  public void setUp() {
    link = new AnsweringLink();
    line = Line.halfDuplex(link, LineConfig.builder().responseTimeout(Duration.ofSeconds(30)).build());
    done = new Read(decoder, Transaction.Verdict.DONE);
    waiting = new Read(decoder, Transaction.Verdict.IGNORE);
  }

  @Benchmark
  public Object transaction() {
    return line.submit(done).join();
  }

  @Benchmark
  public Object codecOnly() {
    scratch.clear();
    done.writeRequest(scratch, 0);
    reply.clear().writeBytes(REPLY);
    Dlt645Frame frame = decoder.decode(reply);
    return done.onFrame(frame);
  }

  @Benchmark
  public long framePath() {
    if (link.answer) {
      // Put one transaction on the wire that never completes; every op then feeds it a reply.
      link.answer = false;
      line.submit(waiting);
    }
    reply.clear().writeBytes(REPLY);
    listener.onData(reply);
    return reply.readerIndex();
  }

  @TearDown
  public void tearDown() {
    line.close();
    reply.release();
    scratch.release();
  }

  /** Reads forward active energy; its verdict on every frame is fixed. */
  private static final class Read implements Transaction<Object> {
    private final FrameDecoder<?> decoder;
    private final Verdict verdict;

    Read(FrameDecoder<?> decoder, Verdict verdict) {
      this.decoder = decoder;
      this.verdict = verdict;
    }

    @Override
    public String meterId() {
      return "000102030425";
    }

    @Override
    public FrameDecoder<?> decoder() {
      return decoder;
    }

    @Override
    public void writeRequest(ByteBuf out, int transactionId) {
      out.writeBytes(REQUEST);
    }

    @Override
    public Verdict onFrame(Object frame) {
      return verdict;
    }

    @Override
    public Object result() {
      return this;
    }

    @Override
    public boolean changesDevice() {
      return false;
    }
  }

  /** A link whose device answers every request at once, on the writing thread. */
  private final class AnsweringLink implements Link {
    private final CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
    boolean answer = true;

    @Override
    public String name() {
      return "bench";
    }

    @Override
    public CompletableFuture<Void> open() {
      return written;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public CompletableFuture<Void> write(ByteBuf data) {
      data.release();
      if (answer) {
        ByteBuf answerBuf = reply.clear().writeBytes(REPLY);
        listener.onData(answerBuf);
      }
      return written;
    }

    @Override
    public void setListener(LinkListener l) {
      listener = l;
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
      return written;
    }
  }
}

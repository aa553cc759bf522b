package io.emms.dlt645.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.PipeLink;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645CodecConfig;
import io.emms.dlt645.codec.Dlt645FrameEncoder;
import io.emms.dlt645.codec.GoldenFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any well-formed request frame, whatever its function and DATA, and any line noise leave the simulator
 * answering: afterwards the notes' read request still gets the notes' reply.
 */
class SimulatorFuzzTest {

  private static final String READ = "68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16";
  private static final String REPLY = GoldenFrame.readReply2007().wire();

  @Property(tries = 150, seed = "645")
  void arbitraryRequestsNeverStopTheSimulator(
      @ForAll @IntRange(min = 0, max = 0x1F) int function,
      @ForAll @Size(max = 60) byte[] data,
      @ForAll @Size(max = 40) byte[] noise,
      @ForAll boolean wildcard) throws Exception {
    SimulationClock clock = new SimulationClock(Instant.parse("2026-03-01T00:00:00Z"));
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of("000102030425"))
        .clock(clock).loadProfile(LoadProfile.constant(0)).initialEnergyKwh(1206.42).build());
    PipeLink[] pipe = PipeLink.pair("fuzz");
    Dlt645Simulator simulator = Dlt645Simulator.attach(pipe[1], meter);
    simulator.start().join();
    RawMasterEnd master = new RawMasterEnd(pipe[0]);
    try {
      ByteBuf frame = Unpooled.buffer();
      // Keep the meter's address so the property exercises the responder rather than the address filter.
      Dlt645Address to = wildcard ? Dlt645Address.of("AAAAAAAAAAAA") : Dlt645Address.of("000102030425");
      // A write of the address would move the meter; that is legitimate, but not what this property is about.
      int safeFunction = function == 0x15 || function == 0x0A || function == 0x1A ? 0x11 : function;
      new Dlt645FrameEncoder(Dlt645CodecConfig.DEFAULT).encode(to, safeFunction, Unpooled.wrappedBuffer(data), frame);
      pipe[0].write(frame).join();
      pipe[0].write(Unpooled.wrappedBuffer(noise)).join();
      master.send("FE FE " + READ);

      assertThat(master.receiveUntil(REPLY, Duration.ofSeconds(5))).endsWith(REPLY);
    } finally {
      pipe[0].close();
      pipe[1].close();
      simulator.close();
    }
  }
}

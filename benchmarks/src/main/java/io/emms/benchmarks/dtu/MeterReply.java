package io.emms.benchmarks.dtu;

import io.emms.core.link.LinkListener;
import io.emms.core.link.PipeLink;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Control;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645FrameEncoder;
import io.emms.dlt645.codec.Dlt645Function;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The meter behind every benchmark DTU, and its reply to the poll, recorded once from the real simulator. */
final class MeterReply {

  static final Dlt645Address METER = Dlt645Address.of("000000000001");
  static final int ENERGY = 0x00010000;

  private MeterReply() {}

  /** Asks a {@link Dlt645Simulator} once for the meter's forward active energy and returns its reply frame. */
  static byte[] record() {
    PipeLink[] pipe = PipeLink.pair("record");
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(METER)
        .initialEnergyKwh(1000).loadProfile(LoadProfile.constant(0)).build());
    Dlt645Simulator simulator = Dlt645Simulator.attach(pipe[1], meter);
    simulator.start().join();
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    pipe[0].setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        reply.complete(ByteBufUtil.getBytes(data));
      }
    });
    pipe[0].open().join();
    ByteBuf plain = Unpooled.buffer();
    Dlt645DataId.write(ENERGY, Dlt645Edition.V2007, plain);
    ByteBuf request = Unpooled.buffer();
    new Dlt645FrameEncoder().encode(
        METER, Dlt645Control.request(Dlt645Function.READ_DATA, Dlt645Edition.V2007), plain, request);
    pipe[0].write(request);
    try {
      return reply.orTimeout(10, TimeUnit.SECONDS).join();
    } finally {
      simulator.close();
      pipe[0].close();
      pipe[1].close();
    }
  }
}

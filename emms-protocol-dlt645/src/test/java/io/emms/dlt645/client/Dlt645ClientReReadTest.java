package io.emms.dlt645.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.PipeLink;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.GoldenFrame;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 1997 re-read (control code 03) from the master's side, against golden frames and the simulator. */
class Dlt645ClientReReadTest {

  private static final Dlt645Address METER_1997 = Dlt645Address.of("000000000003");
  private final SimulatedBus bus = new SimulatedBus();
  private PipeLink[] pipe;
  private Dlt645Client scripted;

  @AfterEach
  void tearDown() {
    bus.close();
    if (scripted != null) {
      scripted.close();
      pipe[0].close();
      pipe[1].close();
    }
  }

  @Test
  void sendsTheGoldenRequestAndDecodesTheRepeatedReply() {
    GoldenFrame request = GoldenFrame.named("dlt645-1997.frames", "re-read-request");
    GoldenFrame reply = GoldenFrame.named("dlt645-1997.frames", "re-read-reply-voltage-a");
    pipe = PipeLink.pair("re-read");
    ScriptedMeterEnd meter = new ScriptedMeterEnd(pipe[1]).thenAnswer(reply.wire());
    scripted = Dlt645Client.create(pipe[0], Dlt645ClientConfig.builder().feCount(0)
        .responseTimeout(Duration.ofSeconds(5)).retry(Dlt645RetryPolicy.NONE).build());
    scripted.register(METER_1997, Dlt645Edition.V1997);
    scripted.connect().join();

    Dlt645ReadResult result = scripted.reRead(METER_1997).join();

    assertThat(meter.requests).containsExactly(request.wire().replace(" ", ""));
    assertThat(result.dataId()).isEqualTo(0xB611);
    assertThat(result.value()).containsExactly(0x00, 0x01);
    assertThat(result.meter()).isEqualTo(METER_1997);
  }

  @Test
  void theSimulatorRepeatsTheLastReply() {
    bus.add(bus.meter(METER_1997).edition(Dlt645Edition.V1997).build());
    bus.start();
    bus.client.register(METER_1997, Dlt645Edition.V1997);

    Dlt645ReadResult read = bus.client.read(METER_1997, 0xB611).join();
    Dlt645ReadResult again = bus.client.reRead(METER_1997).join();

    assertThat(again.dataId()).isEqualTo(0xB611);
    assertThat(again.value()).containsExactly(read.value());
  }

  @Test
  void a2007MeterHasNoReRead() {
    bus.add(bus.meter(Dlt645Address.of("000102030425")).build());
    bus.start();

    assertThatThrownBy(() -> bus.client.reRead(Dlt645Address.of("000102030425")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only in DL/T 645-1997");
  }
}

package io.emms.modbus.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.MeterProtocol;
import io.emms.bus.fleet.MeterSession;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.Framing;
import io.emms.core.link.LinkUri;
import io.emms.core.link.PipeLink;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.core.testing.LeakCheck;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ProfiledMeterSimulator;
import io.emms.modbus.server.ModbusServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class ModbusMeterProtocolTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void checksUnitProfileAndQuantities() {
    MeterEndpoint meter = MeterEndpoint.parse("modbus:17:sdm630", List.of(), MINUTE);
    assertThat(meter.quantitiesToRead()).isEqualTo(MeterProfiles.get("sdm630").quantities());

    assertThatThrownBy(() -> MeterEndpoint.parse("modbus:0:sdm630", List.of(), MINUTE))
        .hasMessageContaining("address: a Modbus unit id is a number from 1 to 247, not \"0\"");
    assertThatThrownBy(() -> MeterEndpoint.parse("modbus:17", List.of(), MINUTE))
        .hasMessageContaining("profile: a Modbus meter needs a profile; profiles are sdm630, sdm120");
    assertThatThrownBy(() -> MeterEndpoint.parse("modbus:17:sdm999", List.of(), MINUTE))
        .hasMessageContaining("no profile \"sdm999\"");
    assertThatThrownBy(() -> MeterEndpoint.parse("modbus:17:sdm120", List.of(Quantity.of(Measurand.VOLTAGE, Phase.C)), MINUTE))
        .hasMessageContaining("profile sdm120 maps no register for VOLTAGE.C");
  }

  @Test
  void framingPicksPipeliningAndTheSerialGaps() {
    MeterProtocol modbus = new ModbusMeterProtocol();
    PipeLink[] pipe = PipeLink.pair("x");
    ConfiguredLink mbap = new ConfiguredLink(LinkUri.parse("tcp://h:502"), pipe[0], Framing.MBAP, false);
    ConfiguredLink serial = new ConfiguredLink(LinkUri.parse("serial:/dev/ttyS0"), pipe[0], Framing.RTU, false);
    ConfiguredLink gateway = new ConfiguredLink(LinkUri.parse("rtu-over-tcp://h:1"), pipe[0], Framing.RTU, false);
    LineConfig plain = LineConfig.builder().build();

    assertThat(modbus.pipelines(mbap)).isTrue();
    assertThat(modbus.pipelines(serial)).isFalse();
    assertThat(modbus.lineSettings(serial, plain).idleGap()).isEqualTo(Duration.ofMillis(20));
    assertThat(modbus.lineSettings(serial, plain).quietGap()).isEqualTo(Duration.ofMillis(20));
    assertThat(modbus.lineSettings(serial, plain.toBuilder().quietGap(Duration.ofMillis(50)).build()).quietGap())
        .isEqualTo(Duration.ofMillis(50));
    assertThat(modbus.lineSettings(gateway, plain)).isSameAs(plain);
  }

  @Test
  void sessionReadsProfiledMetersOnOneLine() {
    PipeLink[] bus = PipeLink.pair("rs485");
    ProfiledMeterSimulator sdm630 = new ProfiledMeterSimulator(MeterProfiles.get("sdm630"), 645);
    ConfiguredLink link = new ConfiguredLink(LinkUri.parse("rtu-over-tcp://pipe:1"), bus[0], Framing.RTU, false);
    try (ModbusServer server3 = ModbusServer.create(ModbusMode.RTU, 3, sdm630.service());
        Line line = Line.halfDuplex(bus[0], LineConfig.builder().responseTimeout(Duration.ofSeconds(2)).build())) {
      server3.attach(bus[1]);
      bus[1].open().join();
      bus[0].open().join();
      MeterEndpoint three = MeterEndpoint.parse("modbus:3:sdm630", List.of(), MINUTE);
      MeterEndpoint nine = MeterEndpoint.parse("modbus:9:ddsu666", List.of(), MINUTE);  // nobody answers unit 9
      try (MeterSession session = new ModbusMeterProtocol().open(line, link)) {
        List<Reading> readings = session.read(three, three.quantitiesToRead()).join();
        List<Reading> unanswered = session.read(nine, List.of(Quantity.of(Measurand.VOLTAGE, Phase.A))).join();

        assertThat(readings).hasSize(three.quantitiesToRead().size())
            .allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.VALID));
        assertThat(unanswered).singleElement().satisfies(r -> assertThat(r.quality()).isEqualTo(Quality.TIMEOUT));
        assertThat(line.counters(session.lineMeterId(nine)).timeouts()).isPositive();
      }
    } finally {
      bus[0].close();
      sdm630.close();
    }
  }
}

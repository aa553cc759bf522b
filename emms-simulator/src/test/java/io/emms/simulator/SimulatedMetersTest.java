package io.emms.simulator;

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
import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.codec.Dlt645Edition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class SimulatedMetersTest {

  private static final List<String> SPECS = List.of(
      "dlt645-2007:000000000011", "dlt645-1997:000000000013", "modbus:1:sdm630", "modbus:2:ddsu666");

  @Test
  void buildsEachMeterFromItsSpec() {
    try (SimulatedMeters meters = SimulatedMeters.of(SPECS, 645)) {
      assertThat(meters.dlt645Meters()).extracting(m -> m.config().address().toString() + " " + m.config().edition())
          .containsExactly("000000000011 " + Dlt645Edition.V2007, "000000000013 " + Dlt645Edition.V1997);
      assertThat(meters.modbusMeters()).extracting(m -> m.profile().name()).containsExactly("sdm630", "ddsu666");
    }
  }

  @Test
  void everyMeterAnswersItsProtocolsDefaultQuantitiesOnOneLine() {
    PipeLink[] wire = PipeLink.pair("rs485");
    ConfiguredLink link = new ConfiguredLink(LinkUri.parse("pipe:rs485"), wire[0], Framing.RTU, false);
    List<MeterEndpoint> endpoints = new ArrayList<>();
    SPECS.forEach(spec -> endpoints.add(MeterEndpoint.parse(spec, List.of(), Duration.ofMinutes(1))));
    try (SimulatedMeters meters = SimulatedMeters.ofEndpoints(endpoints, 645);
        Line line = Line.halfDuplex(wire[0], LineConfig.builder().responseTimeout(Duration.ofSeconds(2)).build())) {
      meters.responder().attach(wire[1]).join();
      wire[0].open().join();
      Map<MeterProtocol, MeterSession> sessions = new HashMap<>();
      for (MeterEndpoint meter : endpoints) {
        MeterSession session = sessions.computeIfAbsent(meter.meterProtocol(), p -> p.open(line, link));
        List<Reading> readings = session.read(meter, meter.quantitiesToRead()).join();

        assertThat(readings).as(meter.spec()).hasSameSizeAs(meter.quantitiesToRead())
            .allSatisfy(r -> assertThat(r.quality()).as(meter.spec() + " " + r.quantity()).isEqualTo(Quality.VALID));
      }
      sessions.values().forEach(MeterSession::close);
    } finally {
      wire[0].close();
    }
  }

  @Test
  void refusesBadSpecs() {
    assertThatThrownBy(() -> SimulatedMeters.of(List.of("modbus:1"), 645))
        .hasMessageContaining("a Modbus meter needs a profile");
    assertThatThrownBy(() -> SimulatedMeters.of(List.of("dlt645-2007:1"), 645))
        .hasMessageContaining("12 decimal digits");
  }
}

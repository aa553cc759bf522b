package io.emms.modbus.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.emms.core.meter.MeterException;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.core.link.PipeLink;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadInputRegistersRequest;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ModbusService;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModbusMeterReaderTest {

  private ModbusClient client;
  private ModbusServer server;
  private ProfiledMeterSimulator meter;

  private ModbusMeterReader start(String profile, ModbusMode mode) {
    meter = new ProfiledMeterSimulator(MeterProfiles.get(profile), 42);
    PipeLink[] pipe = PipeLink.pair("meter-" + profile);
    server = ModbusServer.create(mode, 3, meter.service());
    server.attach(pipe[1]);
    pipe[1].open().join();
    client = ModbusClient.create(pipe[0], ModbusClientConfig.builder().mode(mode)
        .timeout(Duration.ofMillis(300)).retries(0).build());
    client.connect().join();
    return new ModbusMeterReader(client, MeterProfiles.get(profile));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    meter.close();
  }

  private static Reading find(List<Reading> readings, Measurand m, Phase p) {
    return readings.stream().filter(r -> r.quantity().equals(Quantity.of(m, p))).findFirst().orElseThrow();
  }

  @Test
  void readsEveryProfiledQuantityInFewBlocks() {
    ModbusMeterReader reader = start("sdm630", ModbusMode.TCP);
    List<Reading> readings = reader.readAll("3").join();
    assertThat(readings).hasSize(MeterProfiles.get("sdm630").points().size())
        .allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.VALID));
    assertThat(find(readings, Measurand.VOLTAGE, Phase.A).value().doubleValue()).isCloseTo(230, within(3.0));
    assertThat(find(readings, Measurand.FREQUENCY, Phase.TOTAL).value().doubleValue()).isCloseTo(50, within(0.1));
    assertThat(find(readings, Measurand.ACTIVE_POWER, Phase.TOTAL).unit().symbol()).isEqualTo("kW");
    assertThat(find(readings, Measurand.ACTIVE_POWER, Phase.TOTAL).value().doubleValue()).isBetween(2.5, 4.0);
    // 0x00..0x23, 0x34..0x4F, 0xC8..0xCD, 0xE0..0xF5 (gap of 8 bridged), 0x15A..0x165: five reads.
    assertThat(server.stats().requests()).isEqualTo(5);
    assertThat(readings.get(0).meterId()).isEqualTo("3");
  }

  @Test
  void energyAccumulatesAsTheSimulatedMeterRuns() {
    ModbusMeterReader reader = start("sdm120", ModbusMode.RTU);
    Quantity energy = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
    BigDecimal before = reader.read("3", List.of(energy)).join().get(0).value();
    meter.step(Duration.ofHours(1));
    BigDecimal after = reader.read("3", List.of(energy)).join().get(0).value();
    // One hour at roughly 230 V x 5 A x 0.95 on one phase.
    assertThat(after.subtract(before).doubleValue()).isBetween(0.8, 1.4);
  }

  @Test
  void scaledFloatsOfTheDtsu666AreInCoreUnits() {
    ModbusMeterReader reader = start("dtsu666", ModbusMode.TCP);
    // 2301.0f = 0x450FD000: the meter counts tenths of a volt.
    meter.image().setRegister(RegisterTable.HOLDING_REGISTERS, 0x2006, 0x450F);
    meter.image().setRegister(RegisterTable.HOLDING_REGISTERS, 0x2007, 0xD000);
    Reading volts = reader.read("3", List.of(Quantity.of(Measurand.VOLTAGE, Phase.A))).join().get(0);
    assertThat(volts.value()).isEqualByComparingTo("230.1");
  }

  @Test
  void integerRegistersOfTheAdl400AreScaled() {
    ModbusMeterReader reader = start("adl400", ModbusMode.RTU);
    meter.image().setRegister(RegisterTable.HOLDING_REGISTERS, 0x0061, 2301);
    meter.image().setRegister(RegisterTable.HOLDING_REGISTERS, 0x000A, 0x0001);
    meter.image().setRegister(RegisterTable.HOLDING_REGISTERS, 0x000B, 0xE240);
    meter.image().setRegister(RegisterTable.HOLDING_REGISTERS, 0x0067, 0xFF38);
    List<Reading> r = reader.read("3", List.of(Quantity.of(Measurand.VOLTAGE, Phase.A),
        Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.of(Measurand.ACTIVE_POWER, Phase.A))).join();
    assertThat(r.get(0).value()).isEqualByComparingTo("230.1");
    assertThat(r.get(1).value()).isEqualByComparingTo("1234.56");
    assertThat(r.get(2).value()).isEqualByComparingTo("-0.2");
  }

  @Test
  void nanIsInvalidAndUnmappedQuantitiesHaveNoData() {
    ModbusMeterReader reader = start("sdm630", ModbusMode.TCP);
    meter.image().setNaN(RegisterTable.INPUT_REGISTERS, 0x0002, MeterProfiles.get("sdm630")
        .point(Quantity.of(Measurand.VOLTAGE, Phase.B)).orElseThrow().format());
    List<Reading> r = reader.read("3", List.of(Quantity.of(Measurand.VOLTAGE, Phase.A),
        Quantity.of(Measurand.VOLTAGE, Phase.B), Quantity.total(Measurand.TEMPERATURE))).join();
    assertThat(r).extracting(Reading::quality).containsExactly(Quality.VALID, Quality.INVALID, Quality.NO_DATA);
  }

  @Test
  void silentUnitsReadAsTimeoutAndRefusalsAsError() {
    ModbusMeterReader rtu = start("sdm120", ModbusMode.RTU);
    assertThat(rtu.readAll("9").join()).extracting(Reading::quality).containsOnly(Quality.TIMEOUT);
    stop();
    ModbusMeterReader tcp = start("sdm120", ModbusMode.TCP);
    assertThat(tcp.readAll("9").join()).extracting(Reading::quality).containsOnly(Quality.ERROR);
  }

  @Test
  void aMergedBlockTheMeterRefusesIsReadPointByPoint() throws Exception {
    // Two float32 points with an undefined register between them; the profile bridges the gap, the meter refuses.
    MeterProfile profile = MeterProfile.parse(new java.io.StringReader("""
        @name gappy
        @model meter with a hole at register 2
        @maxGap 4
        input,0,FLOAT32,ABCD,1,VOLTAGE,A,0,volts
        input,3,FLOAT32,ABCD,1,CURRENT,A,0,amps
        """));
    ProcessImage image = new ProcessImage(0, 0, 0, 10);
    image.setRegister(RegisterTable.INPUT_REGISTERS, 0, 0x4366);   // 230.0f
    image.setRegister(RegisterTable.INPUT_REGISTERS, 3, 0x40A0);   // 5.0f
    meter = new ProfiledMeterSimulator(MeterProfiles.get("sdm120"), 1);
    PipeLink[] pipe = PipeLink.pair("gappy");
    server = ModbusServer.create(ModbusMode.TCP, 3, new ProcessImageService(image) {
      @Override
      protected ModbusResponse readInputRegisters(int unitId, ReadInputRegistersRequest r) {
        boolean hole = r.address() <= 2 && r.address() + r.quantity() > 2;
        return hole ? ModbusService.refuse(r, ExceptionCode.ILLEGAL_DATA_ADDRESS) : super.readInputRegisters(unitId, r);
      }
    });
    server.attach(pipe[1]);
    pipe[1].open().join();
    client = ModbusClient.create(pipe[0], ModbusClientConfig.of(ModbusMode.TCP));
    client.connect().join();
    List<Reading> r = new ModbusMeterReader(client, profile).readAll("3").join();
    assertThat(r).extracting(Reading::value).map(BigDecimal::doubleValue).containsExactly(230.0, 5.0);
    assertThat(server.stats().requests()).isEqualTo(3);
    assertThat(server.stats().exceptionResponses()).isEqualTo(1);
  }

  @Test
  void meterIdsMustBeUnitIds() {
    ModbusMeterReader reader = start("sdm120", ModbusMode.TCP);
    assertThatThrownBy(() -> reader.readAll("meter-1").join()).hasCauseInstanceOf(MeterException.class);
    assertThatThrownBy(() -> reader.readAll("300").join()).hasCauseInstanceOf(MeterException.class);
  }
}

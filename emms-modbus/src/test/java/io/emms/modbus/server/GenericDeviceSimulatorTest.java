package io.emms.modbus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.PipeLink;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.pdu.ExceptionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenericDeviceSimulatorTest {

  private final GenericDeviceSimulator device = new GenericDeviceSimulator();
  private ModbusClient client;
  private ModbusServer server;

  @BeforeEach
  void start() {
    PipeLink[] pipe = PipeLink.pair("generic");
    server = ModbusServer.create(ModbusMode.TCP, 1, device.service());
    server.attach(pipe[1]);
    pipe[1].open().join();
    client = ModbusClient.create(pipe[0], ModbusClientConfig.of(ModbusMode.TCP));
    client.connect().join();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    device.close();
  }

  @Test
  void everyTableIsReadableUpTo9999AndValuesMove() {
    assertThat(client.readInputRegisters(1, 9998, 2).join().registerValues()).containsExactly(9998, 9999);
    assertThat(client.readHoldingRegisters(1, 0, 2).join().registerValues()).containsExactly(0, 1);
    assertThat(client.readCoils(1, 0, 2).join().bitValues(2)).containsExactly(false, true);
    assertThat(client.readDiscreteInputs(1, 9999, 1).join().bitValues(1)).containsExactly(true);
    device.step();
    assertThat(client.readInputRegisters(1, 9998, 2).join().registerValues()).containsExactly(9999, 10000);
    assertThat(client.readDiscreteInputs(1, 9999, 1).join().bitValues(1)).containsExactly(false);
  }

  @Test
  void writtenValuesSurviveSteps() {
    client.writeSingleRegister(1, 5, 777).join();
    client.writeSingleCoil(1, 5, false).join();
    device.step();
    device.step();
    assertThat(client.readHoldingRegisters(1, 4, 3).join().registerValues()).containsExactly(6, 777, 8);
    assertThat(client.readCoils(1, 5, 1).join().bitValues(1)).containsExactly(false);
  }

  @Test
  void addressesBeyond9999AreIllegal() {
    assertThatThrownBy(() -> client.readHoldingRegisters(1, 9999, 2).join())
        .cause().isInstanceOfSatisfying(ModbusExceptionResponseException.class,
            e -> assertThat(e.exceptionCode()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
  }
}

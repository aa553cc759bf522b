package io.emms.modbus.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.ModbusTimeoutException;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.emms.transport.serial.SerialLink;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modbus RTU over a socat pty pair opened by path with jSerialComm: a real serial byte stream, no sockets. */
class SerialInteropTest {

  private static final int BAUD_RATE = 19200;

  @TempDir
  Path dir;

  private PtyBus bus;
  private ProcessImage image;
  private SerialLink serverLink;

  @BeforeEach
  void startBus() throws Exception {
    bus = PtyBus.start(dir, BAUD_RATE);
    image = new ProcessImage(100);
    serverLink = bus.serveOnB(ModbusServer.builder(ModbusMode.RTU)
        .unit(1, new ProcessImageService(image))
        .unit(2, new ProcessImageService(new ProcessImage(5)))
        .build());
  }

  @AfterEach
  void stopBus() throws Exception {
    if (bus != null) {
      bus.close();
    }
  }

  @Test
  void ourClientAgainstOurServer() throws Exception {
    ModbusClient client = bus.clientOnA(ModbusMode.RTU, Duration.ofMillis(500));
    client.writeMultipleRegisters(1, 10, 0x1111, 0x2222, 0x3333).join();
    assertThat(client.readHoldingRegisters(1, 10, 3).join().registerValues())
        .containsExactly(0x1111, 0x2222, 0x3333);
    client.writeMultipleCoils(1, 0, true, false, true, true).join();
    assertThat(client.readCoils(1, 0, 4).join().bitValues(4)).containsExactly(true, false, true, true);
    assertThat(client.readHoldingRegisters(2, 0, 5).join().registerValues()).containsExactly(0, 0, 0, 0, 0);
    // Unit 9 is not on the bus: silence, then a timeout, and the bus still works afterwards.
    assertThatThrownBy(() -> client.readHoldingRegisters(9, 0, 1).join())
        .hasCauseInstanceOf(ModbusTimeoutException.class);
    assertThat(client.readHoldingRegisters(1, 11, 1).join().registerValues()).containsExactly(0x2222);
  }

  @Test
  void asciiOurClientAgainstOurServer() throws Exception {
    serverLink.close();
    bus.serveOnB(ModbusServer.create(ModbusMode.ASCII, 1, new ProcessImageService(image)));
    ModbusClient client = bus.clientOnA(ModbusMode.ASCII, Duration.ofMillis(500));
    client.writeSingleRegister(1, 7, 0xABCD).join();
    assertThat(client.readHoldingRegisters(1, 6, 2).join().registerValues()).containsExactly(0, 0xABCD);
    assertThat(client.readDiscreteInputs(1, 0, 3).join().bitValues(3)).containsExactly(false, false, false);
  }

  @Test
  void j2modSerialMasterAgainstOurServer() throws Exception {
    SerialParameters params = new SerialParameters();
    params.setPortName(bus.a());
    params.setBaudRate(BAUD_RATE);
    params.setDatabits(8);
    params.setParity("None");
    params.setStopbits(1);
    params.setEncoding(Modbus.SERIAL_ENCODING_RTU);
    params.setEcho(false);
    ModbusSerialMaster master = new ModbusSerialMaster(params, 1000);
    master.connect();
    try {
      master.writeSingleRegister(1, 3, new SimpleRegister(777));
      Register[] regs = master.readMultipleRegisters(1, 2, 3);
      assertThat(new int[] {regs[0].getValue(), regs[1].getValue(), regs[2].getValue()})
          .containsExactly(0, 777, 0);
      assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 3)).isEqualTo(777);
      assertThatThrownBy(() -> master.readMultipleRegisters(2, 4, 2))
          .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
    } finally {
      master.disconnect();
    }
  }
}

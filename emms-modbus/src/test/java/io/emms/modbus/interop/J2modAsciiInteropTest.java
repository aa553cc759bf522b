package io.emms.modbus.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.BitVector;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modbus ASCII between our stack and j2mod 3.2.1 (its jSerialComm serial master and slave) over a socat pty pair:
 * ':' , hex digits, LRC and CR LF written by an independent implementation, both ways.
 */
class J2modAsciiInteropTest {

  private static final int BAUD_RATE = 19200;

  @TempDir
  Path dir;

  private PtyBus bus;

  @BeforeEach
  void startBus() throws Exception {
    bus = PtyBus.start(dir, BAUD_RATE);
  }

  @AfterEach
  void stopBus() throws Exception {
    if (bus != null) {
      bus.close();
    }
  }

  private SerialParameters asciiOn(String port) {
    SerialParameters params = new SerialParameters();
    params.setPortName(port);
    params.setBaudRate(BAUD_RATE);
    params.setDatabits(8);
    params.setParity("None");
    params.setStopbits(1);
    params.setEncoding(Modbus.SERIAL_ENCODING_ASCII);
    params.setEcho(false);
    return params;
  }

  @Test
  void j2modAsciiMasterAgainstOurServer() throws Exception {
    ProcessImage image = new ProcessImage(100);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 2, 0xABCD);
    bus.serveOnB(ModbusServer.create(ModbusMode.ASCII, 1, new ProcessImageService(image)));
    ModbusSerialMaster master = new ModbusSerialMaster(asciiOn(bus.a()), 1000);
    master.connect();
    try {
      master.writeSingleRegister(1, 3, new SimpleRegister(777));
      Register[] regs = master.readMultipleRegisters(1, 2, 2);
      assertThat(new int[] {regs[0].getValue(), regs[1].getValue()}).containsExactly(0xABCD, 777);
      assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 3)).isEqualTo(777);
      master.writeCoil(1, 4, true);
      assertThat(image.bit(RegisterTable.COILS, 4)).isTrue();
      assertThatThrownBy(() -> master.readMultipleRegisters(1, 99, 2))
          .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
    } finally {
      master.disconnect();
    }
  }

  @Test
  void ourAsciiClientAgainstJ2modSlave() throws Exception {
    SimpleProcessImage spi = new SimpleProcessImage(1);
    for (int i = 0; i < 10; i++) {
      spi.addRegister(new SimpleRegister(100 + i));
      spi.addDigitalOut(new SimpleDigitalOut(i % 2 == 0));
    }
    ModbusSlave slave = ModbusSlaveFactory.createSerialSlave(asciiOn(bus.b()));
    slave.addProcessImage(1, spi);
    slave.open();
    try {
      ModbusClient client = bus.clientOnA(ModbusMode.ASCII, Duration.ofSeconds(2));
      assertThat(client.readHoldingRegisters(1, 2, 3).join().registerValues()).containsExactly(102, 103, 104);
      client.writeMultipleRegisters(1, 5, 0xBEEF, 0x0102).join();
      assertThat(spi.getRegister(6).getValue()).isEqualTo(0x0102);
      assertThat(client.readCoils(1, 0, 3).join().bitValues(3)).containsExactly(true, false, true);
      assertThatThrownBy(() -> client.readHoldingRegisters(1, 9, 2).join())
          .cause().isInstanceOfSatisfying(ModbusExceptionResponseException.class,
              e -> assertThat(e.exceptionCode()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
    } finally {
      slave.close();
    }
  }
}

package io.emms.modbus.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusUDPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.emms.transport.udp.UdpConfig;
import io.emms.transport.udp.UdpLink;
import io.emms.transport.udp.UdpLinkServer;
import io.emms.transport.udp.UdpServerConfig;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Modbus UDP (MBAP in datagrams) between our stack and j2mod 3.2.1, both ways, on 127.0.0.1. */
class J2modUdpInteropTest {

  @Test
  void j2modUdpMasterAgainstOurServer() throws Exception {
    ProcessImage image = new ProcessImage(100);
    image.setRegister(RegisterTable.INPUT_REGISTERS, 4, 0xCAFE);
    ModbusServer server = ModbusServer.create(ModbusMode.UDP, 1, new ProcessImageService(image));
    try (UdpLinkServer udp = new UdpLinkServer(UdpServerConfig.defaults(), server::attach)) {
      udp.start().join();
      ModbusUDPMaster master = new ModbusUDPMaster("127.0.0.1", udp.port(), 2000);
      master.connect();
      try {
        master.writeMultipleRegisters(1, 10, new Register[] {new SimpleRegister(4321), new SimpleRegister(7)});
        Register[] regs = master.readMultipleRegisters(1, 10, 2);
        assertThat(List.of(regs[0].getValue(), regs[1].getValue())).containsExactly(4321, 7);
        InputRegister[] inputs = master.readInputRegisters(1, 4, 1);
        assertThat(inputs[0].getValue()).isEqualTo(0xCAFE);
        master.writeCoil(1, 3, true);
        assertThat(image.bit(RegisterTable.COILS, 3)).isTrue();
        assertThatThrownBy(() -> master.readMultipleRegisters(1, 99, 2))
            .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
      } finally {
        master.disconnect();
      }
    }
  }

  @Test
  void ourUdpClientAgainstJ2modSlave() throws Exception {
    int port = freeUdpPort();
    SimpleProcessImage spi = new SimpleProcessImage(1);
    for (int i = 0; i < 10; i++) {
      spi.addRegister(new SimpleRegister(100 + i));
      spi.addInputRegister(new SimpleInputRegister(200 + i));
      spi.addDigitalOut(new SimpleDigitalOut(false));
    }
    ModbusSlave slave = ModbusSlaveFactory.createUDPSlave(InetAddress.getLoopbackAddress(), port);
    slave.addProcessImage(1, spi);
    slave.open();
    ModbusClient client = ModbusClient.create(new UdpLink(UdpConfig.builder("127.0.0.1", port).build()),
        ModbusClientConfig.of(ModbusMode.UDP));
    client.connect().join();
    try {
      assertThat(client.readHoldingRegisters(1, 2, 3).join().registerValues()).containsExactly(102, 103, 104);
      assertThat(client.readInputRegisters(1, 0, 2).join().registerValues()).containsExactly(200, 201);
      client.writeSingleRegister(1, 5, 0xBEEF).join();
      assertThat(spi.getRegister(5).getValue()).isEqualTo(0xBEEF);
      client.writeSingleCoil(1, 1, true).join();
      assertThat(spi.getDigitalOut(1).isSet()).isTrue();
      assertThatThrownBy(() -> client.readHoldingRegisters(1, 9, 2).join())
          .cause().isInstanceOfSatisfying(ModbusExceptionResponseException.class,
              e -> assertThat(e.exceptionCode()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
    } finally {
      client.close();
      slave.close();
    }
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

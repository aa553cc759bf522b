package io.emms.modbus.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ReadWriteModbusServices;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.emms.transport.tcp.ReconnectPolicy;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Our client and server against j2mod and digitalpetri over real sockets on 127.0.0.1. */
class TcpInteropTest {

  private static ModbusClient ourClient(int port) {
    TcpClientLink link = new TcpClientLink(
        TcpClientConfig.builder("127.0.0.1", port).reconnect(ReconnectPolicy.never()).build());
    ModbusClient client = ModbusClient.create(link, ModbusClientConfig.of(ModbusMode.TCP));
    client.connect().join();
    return client;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void j2modMasterAgainstOurServer() throws Exception {
    ProcessImage image = new ProcessImage(100);
    image.setRegister(RegisterTable.INPUT_REGISTERS, 4, 0xCAFE);
    image.setBit(RegisterTable.DISCRETE_INPUTS, 2, true);
    ModbusServer server = ModbusServer.create(ModbusMode.TCP, 1, new ProcessImageService(image));
    try (TcpLinkServer tcp = new TcpLinkServer(TcpServerConfig.defaults(), server::attach)) {
      tcp.start().join();
      ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", tcp.port());
      master.connect();
      try {
        master.writeSingleRegister(1, 10, new SimpleRegister(4321));
        master.writeMultipleRegisters(1, 11, new Register[] {new SimpleRegister(1), new SimpleRegister(2)});
        Register[] regs = master.readMultipleRegisters(1, 10, 3);
        assertThat(List.of(regs[0].getValue(), regs[1].getValue(), regs[2].getValue())).containsExactly(4321, 1, 2);
        InputRegister[] inputs = master.readInputRegisters(1, 4, 1);
        assertThat(inputs[0].getValue()).isEqualTo(0xCAFE);

        BitVector coils = new BitVector(3);
        coils.setBit(0, true);
        coils.setBit(2, true);
        master.writeMultipleCoils(1, 20, coils);
        master.writeCoil(1, 21, true);
        BitVector read = master.readCoils(1, 20, 3);
        assertThat(List.of(read.getBit(0), read.getBit(1), read.getBit(2))).containsExactly(true, true, true);
        assertThat(master.readInputDiscretes(1, 2, 1).getBit(0)).isTrue();
        assertThat(master.maskWriteRegister(1, 10, 0x00FF, 0)).isTrue();
        assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 10)).isEqualTo(4321 & 0x00FF);

        assertThatThrownBy(() -> master.readMultipleRegisters(1, 99, 2))
            .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
      } finally {
        master.disconnect();
      }
    }
  }

  @Test
  void ourClientAgainstJ2modSlave() throws Exception {
    int port = freePort();
    SimpleProcessImage spi = new SimpleProcessImage(1);
    for (int i = 0; i < 20; i++) {
      spi.addRegister(new SimpleRegister(100 + i));
      spi.addInputRegister(new SimpleInputRegister(200 + i));
      spi.addDigitalOut(new SimpleDigitalOut(i % 2 == 0));
      spi.addDigitalIn(new SimpleDigitalIn(i % 3 == 0));
    }
    ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
    slave.addProcessImage(1, spi);
    slave.open();
    ModbusClient client = ourClient(port);
    try {
      assertThat(client.readHoldingRegisters(1, 2, 3).join().registerValues()).containsExactly(102, 103, 104);
      assertThat(client.readInputRegisters(1, 0, 2).join().registerValues()).containsExactly(200, 201);
      assertThat(client.readCoils(1, 0, 3).join().bitValues(3)).containsExactly(true, false, true);
      assertThat(client.readDiscreteInputs(1, 2, 2).join().bitValues(2)).containsExactly(false, true);
      client.writeSingleRegister(1, 5, 0xBEEF).join();
      client.writeMultipleRegisters(1, 6, 7, 8).join();
      assertThat(spi.getRegister(5).getValue()).isEqualTo(0xBEEF);
      assertThat(spi.getRegister(7).getValue()).isEqualTo(8);
      client.writeSingleCoil(1, 1, true).join();
      assertThat(spi.getDigitalOut(1).isSet()).isTrue();
      // j2mod answers 02 for a range beyond its image.
      assertThatThrownBy(() -> client.readHoldingRegisters(1, 19, 2).join())
          .cause().isInstanceOfSatisfying(ModbusExceptionResponseException.class,
              e -> assertThat(e.exceptionCode()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
      List<CompletableFuture<int[]>> pipelined = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        pipelined.add(client.readHoldingRegisters(1, i % 10 + 10, 1).thenApply(r -> r.registerValues()));
      }
      for (int i = 0; i < 50; i++) {
        assertThat(pipelined.get(i).join()).containsExactly(100 + i % 10 + 10);
      }
    } finally {
      client.close();
      slave.close();
    }
  }

  @Test
  void ourClientAgainstDigitalpetriServer() throws Exception {
    int port = freePort();
    com.digitalpetri.modbus.server.ProcessImage image = new com.digitalpetri.modbus.server.ProcessImage();
    image.with(tx -> tx.writeHoldingRegisters(regs -> {
      for (int i = 0; i < 10; i++) {
        regs.put(i, new byte[] {0x12, (byte) i});
      }
    }));
    image.with(tx -> tx.writeCoils(coils -> coils.put(3, true)));
    ReadWriteModbusServices services = new ReadWriteModbusServices() {
      @Override
      protected Optional<com.digitalpetri.modbus.server.ProcessImage> getProcessImage(int unitId) {
        return unitId == 1 ? Optional.of(image) : Optional.empty();
      }
    };
    NettyTcpServerTransport transport = NettyTcpServerTransport.create(cfg -> {
      cfg.setBindAddress("127.0.0.1");
      cfg.setPort(port);
    });
    ModbusTcpServer server = ModbusTcpServer.create(transport, services);
    server.start();
    ModbusClient client = ourClient(port);
    try {
      assertThat(client.readHoldingRegisters(1, 0, 3).join().registerValues())
          .containsExactly(0x1200, 0x1201, 0x1202);
      assertThat(client.readCoils(1, 2, 3).join().bitValues(3)).containsExactly(false, true, false);
      client.writeMultipleRegisters(1, 20, 0xAAAA, 0x5555).join();
      byte[] written = image.get(tx -> tx.readHoldingRegisters(regs -> regs.get(21)));
      assertThat(written).containsExactly(0x55, 0x55);
      assertThat(client.maskWriteRegister(1, 20, 0x0F0F, 0x00F0).join().orMask()).isEqualTo(0x00F0);
      assertThat(client.readWriteMultipleRegisters(1, 20, 2, 30, 9).join().registerValues())
          .containsExactly(0x0AFA, 0x5555);
      List<CompletableFuture<int[]>> pipelined = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        pipelined.add(client.readHoldingRegisters(1, i % 10, 1).thenApply(r -> r.registerValues()));
      }
      for (int i = 0; i < 100; i++) {
        assertThat(pipelined.get(i).join()).containsExactly(0x1200 + i % 10);
      }
    } finally {
      client.close();
      server.stop();
    }
  }
}

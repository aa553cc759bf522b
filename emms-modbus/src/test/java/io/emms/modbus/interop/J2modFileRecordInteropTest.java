package io.emms.modbus.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadFIFOQueueRequest;
import com.ghgande.j2mod.modbus.msg.ReadFIFOQueueResponse;
import com.ghgande.j2mod.modbus.msg.ReadFileRecordRequest;
import com.ghgande.j2mod.modbus.msg.WriteFileRecordRequest;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.Record;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusClientException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.pdu.FileRecordReference;
import io.emms.modbus.pdu.ReadFifoQueueRequest;
import io.emms.modbus.pdu.ReadFifoQueueResponse;
import io.emms.modbus.pdu.ReadFileRecordResponse;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions 0x14 (read file record), 0x15 (write file record) and 0x18 (read FIFO queue) against j2mod 3.2.1, an
 * independent implementation of them, both ways over TCP on 127.0.0.1. j2mod models a file as records that each
 * hold several registers; a request for {@code n} registers from record {@code r} reads that record's first
 * {@code n} registers, which is the same PDU on the wire. Its slave looks a file up by its position in the image
 * rather than by number, so the slave here holds files 0..4 in order; it serves a FIFO queue from its holding
 * registers (the count at the pointer address, the values after it).
 */
class J2modFileRecordInteropTest {

  @Test
  void j2modMasterAgainstOurServer() throws Exception {
    ProcessImage image = new ProcessImage(10);
    image.defineFile(3, 100);
    image.setFileRecord(3, 9, 0x33CD);
    image.setFileRecord(3, 10, 0x0040);
    image.defineFile(4, 100);
    image.setFifoQueue(0x04DE, 0x01B8, 0x1284);
    ModbusServer server = ModbusServer.create(ModbusMode.TCP, 1, new ProcessImageService(image));
    try (TcpLinkServer tcp = new TcpLinkServer(TcpServerConfig.defaults(), server::attach)) {
      tcp.start().join();
      TCPMasterConnection connection = new TCPMasterConnection(InetAddress.getLoopbackAddress());
      connection.setPort(tcp.port());
      connection.connect();
      try {
        WriteFileRecordRequest write = new WriteFileRecordRequest();
        write.addRequest(new WriteFileRecordRequest.RecordRequest(4, 7, new short[] {0x06AF, 0x04BE, 0x100D}));
        execute(connection, write);
        assertThat(image.fileRecord(4, 7)).isEqualTo(0x06AF);
        assertThat(image.fileRecord(4, 9)).isEqualTo(0x100D);

        ReadFileRecordRequest read = new ReadFileRecordRequest();
        read.addRequest(new ReadFileRecordRequest.RecordRequest(4, 7, 3));
        read.addRequest(new ReadFileRecordRequest.RecordRequest(3, 9, 2));
        var records = (com.ghgande.j2mod.modbus.msg.ReadFileRecordResponse) execute(connection, read);
        assertThat(records.getRecordCount()).isEqualTo(2);
        assertThat(records.getRecord(0).getRegister(2).getValue()).isEqualTo(0x100D);
        assertThat(records.getRecord(1).getRegister(0).getValue()).isEqualTo(0x33CD);
        assertThat(records.getRecord(1).getRegister(1).getValue()).isEqualTo(0x0040);

        ReadFIFOQueueRequest fifo = new ReadFIFOQueueRequest();
        fifo.setReference(0x04DE);
        ReadFIFOQueueResponse queue = (ReadFIFOQueueResponse) execute(connection, fifo);
        assertThat(queue.getRegisters()).containsExactly(0x01B8, 0x1284);
      } finally {
        connection.close();
      }
    }
  }

  @Test
  void ourClientAgainstJ2modSlave() throws Exception {
    int port = freePort();
    SimpleProcessImage spi = new SimpleProcessImage(1);
    // j2mod's slave finds a file by its position in the image, so files 0..4 are added for file 4 to be found
    File file = null;
    for (int f = 0; f <= 4; f++) {
      file = new File(f, 10);
      for (int r = 0; r < 10; r++) {
        Record record = new Record(r, 3);
        for (int i = 0; i < 3; i++) {
          record.setRegister(i, new SimpleRegister(0x100 * r + i));
        }
        file.setRecord(r, record);
      }
      spi.addFile(file);
    }
    // j2mod's slave serves a FIFO from its holding registers: the count at the pointer address, then the values
    int[] registers = {0, 0, 0, 0, 0, 2, 0x01B8, 0x1284};
    for (int value : registers) {
      spi.addRegister(new SimpleRegister(value));
    }
    ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
    slave.addProcessImage(1, spi);
    slave.open();
    ModbusClient client = ModbusClient.create(
        new TcpClientLink(TcpClientConfig.builder("127.0.0.1", port).reconnect(ReconnectPolicy.never()).build()),
        ModbusClientConfig.of(ModbusMode.TCP));
    client.connect().join();
    try {
      client.send(1, io.emms.modbus.pdu.WriteFileRecordRequest.of(4, 2, 0xAAAA, 0xBBBB)).join();
      assertThat(file.getRecord(2).getRegister(1).getValue()).isEqualTo(0xBBBB);

      var records = client.send(1, io.emms.modbus.pdu.ReadFileRecordRequest.of(4, 5, 3)).join();
      assertThat(records).isInstanceOfSatisfying(ReadFileRecordResponse.class, r -> {
        assertThat(r.register(0, 0)).isEqualTo(0x500);
        assertThat(r.register(0, 2)).isEqualTo(0x502);
      });
      var written = client.send(1, io.emms.modbus.pdu.ReadFileRecordRequest.of(4, 2, 2)).join();
      assertThat(((ReadFileRecordResponse) written).register(0, 0)).isEqualTo(0xAAAA);
      // With two sub-requests j2mod writes the second sub-response over the last register of the first; our
      // client refuses that reply as malformed instead of handing out shifted registers.
      assertThatThrownBy(() -> client.send(1, new io.emms.modbus.pdu.ReadFileRecordRequest(
              List.of(new FileRecordReference(4, 5, 3), new FileRecordReference(4, 2, 2)))).join())
          .cause().isInstanceOf(ModbusClientException.class).hasMessageContaining("malformed");

      var queue = client.send(1, new ReadFifoQueueRequest(5)).join();
      assertThat(queue).isInstanceOfSatisfying(ReadFifoQueueResponse.class, q -> {
        assertThat(q.count()).isEqualTo(2);
        assertThat(q.register(1)).isEqualTo(0x1284);
      });
    } finally {
      client.close();
      slave.close();
    }
  }

  private static com.ghgande.j2mod.modbus.msg.ModbusResponse execute(
      TCPMasterConnection connection, com.ghgande.j2mod.modbus.msg.ModbusRequest request) throws Exception {
    request.setUnitID(1);
    ModbusTCPTransaction transaction = new ModbusTCPTransaction(connection);
    transaction.setRequest(request);
    transaction.execute();
    return transaction.getResponse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

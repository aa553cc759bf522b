package io.emms.modbus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.PipeLink;
import io.emms.modbus.client.BlockingModbusClient;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.FileRecord;
import io.emms.modbus.pdu.FileRecordReference;
import io.emms.modbus.pdu.ReadFifoQueueRequest;
import io.emms.modbus.pdu.ReadFifoQueueResponse;
import io.emms.modbus.pdu.ReadFileRecordRequest;
import io.emms.modbus.pdu.ReadFileRecordResponse;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.WriteFileRecordRequest;
import io.emms.modbus.pdu.WriteFileRecordResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Functions 0x14, 0x15, 0x18 and a refusal with a code outside the standard list, through our client's generic
 * {@code send} and our server, in every framing (so the RTU and ASCII length rules and MBAP carry them alike).
 */
class NewFunctionsClientServerTest {

  private ModbusClient client;
  private ModbusServer server;
  private final ProcessImage image = new ProcessImage(10);

  private void start(ModbusMode mode) {
    PipeLink[] pipe = PipeLink.pair("new-fc-" + mode);
    ProcessImageService refusingReads = new ProcessImageService(image) {
      @Override
      protected ExceptionResponse readHoldingRegisters(int unitId, ReadHoldingRegistersRequest r) {
        return new ExceptionResponse(3, 0x0C); // a vendor code outside section 7's list
      }
    };
    server = ModbusServer.builder(mode).unit(1, refusingReads).build();
    server.attach(pipe[1]);
    pipe[1].open().join();
    client = ModbusClient.create(
        pipe[0], ModbusClientConfig.builder().mode(mode).timeout(Duration.ofSeconds(5)).build());
    client.connect().join();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @ParameterizedTest
  @EnumSource(ModbusMode.class)
  void writesAndReadsFileRecords(ModbusMode mode) {
    start(mode);
    image.defineFile(4, 100);
    image.defineFile(3, 100);

    var written = client.send(1, WriteFileRecordRequest.of(4, 7, 0x06AF, 0x04BE, 0x100D)).join();
    image.setFileRecord(3, 9, 0x33CD);
    var read = client.send(1, new ReadFileRecordRequest(
        List.of(new FileRecordReference(4, 7, 3), new FileRecordReference(3, 9, 1)))).join();

    assertThat(written).isInstanceOf(WriteFileRecordResponse.class);
    assertThat(read).isInstanceOfSatisfying(ReadFileRecordResponse.class, r -> {
      assertThat(r.register(0, 0)).isEqualTo(0x06AF);
      assertThat(r.register(0, 2)).isEqualTo(0x100D);
      assertThat(r.register(1, 0)).isEqualTo(0x33CD);
    });
  }

  @ParameterizedTest
  @EnumSource(ModbusMode.class)
  void readsAFifoQueue(ModbusMode mode) {
    start(mode);
    image.setFifoQueue(0x04DE, 0x01B8, 0x1284, 7);

    var reply = client.send(1, new ReadFifoQueueRequest(0x04DE)).join();

    assertThat(reply).isInstanceOfSatisfying(ReadFifoQueueResponse.class, r -> {
      assertThat(r.count()).isEqualTo(3);
      assertThat(r.register(0)).isEqualTo(0x01B8);
      assertThat(r.register(2)).isEqualTo(7);
    });
  }

  @ParameterizedTest
  @EnumSource(ModbusMode.class)
  void theTypedMethodsReadAndWriteFilesAndQueues(ModbusMode mode) {
    start(mode);
    image.defineFile(4, 100);
    image.setFifoQueue(0x04DE, 0x01B8, 0x1284);
    BlockingModbusClient blocking = client.blocking();

    blocking.writeFileRecord(1, FileRecord.of(4, 7, 0x06AF, 0x04BE, 0x100D));
    int[][] records = blocking.readFileRecord(1, new FileRecordReference(4, 7, 3), new FileRecordReference(4, 8, 1));
    ReadFifoQueueResponse queue = client.readFifoQueue(1, 0x04DE).join();

    assertThat(records[0]).containsExactly(0x06AF, 0x04BE, 0x100D);
    assertThat(records[1]).containsExactly(0x04BE);
    assertThat(queue.count()).isEqualTo(2);
    assertThat(blocking.readFifoQueue(1, 0x04DE)).containsExactly(0x01B8, 0x1284);
    assertThatThrownBy(() -> blocking.readFileRecord(1, new FileRecordReference(9, 0, 1)))
        .isInstanceOf(ModbusExceptionResponseException.class);
  }

  @ParameterizedTest
  @EnumSource(ModbusMode.class)
  void aRefusalWithANonStandardCodeReachesTheCaller(ModbusMode mode) {
    start(mode);

    assertThatThrownBy(() -> client.readHoldingRegisters(1, 0, 1).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(ModbusExceptionResponseException.class, e -> {
          assertThat(e.functionCode()).isEqualTo(3);
          assertThat(e.exceptionCode()).as("no standard code").isNull();
          assertThat(e.code()).isEqualTo(0x0C);
          assertThat(e.getMessage()).contains("exception code 0C").doesNotContain("null");
        });
  }
}

package io.emms.modbus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.PipeLink;
import io.emms.modbus.pdu.DiagnosticSubFunction;
import io.emms.modbus.pdu.DiagnosticsRequest;
import io.emms.modbus.pdu.DiagnosticsResponse;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.GetCommEventCounterRequest;
import io.emms.modbus.pdu.GetCommEventCounterResponse;
import io.emms.modbus.pdu.GetCommEventLogRequest;
import io.emms.modbus.pdu.GetCommEventLogResponse;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.RawPdu;
import io.emms.modbus.pdu.ReadDeviceIdCode;
import io.emms.modbus.pdu.ReadDeviceIdentificationRequest;
import io.emms.modbus.pdu.ReadDeviceIdentificationResponse;
import io.emms.modbus.pdu.ReadExceptionStatusRequest;
import io.emms.modbus.pdu.ReadExceptionStatusResponse;
import io.emms.modbus.pdu.ReportServerIdRequest;
import io.emms.modbus.pdu.ReportServerIdResponse;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our client against our server over an in-memory link, in every framing. */
class ClientServerTest {

  private ModbusClient client;
  private ModbusServer server;
  private ProcessImage image;

  private void start(ModbusMode mode) {
    PipeLink[] pipe = PipeLink.pair("cs-" + mode);
    image = new ProcessImage(1000);
    server = ModbusServer.builder(mode)
        .unit(1, new ProcessImageService(image))
        .unit(7, new ProcessImageService(new ProcessImage(10)))
        .build();
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
  void readsAndWritesEveryTable(ModbusMode mode) {
    start(mode);
    image.setRegister(RegisterTable.INPUT_REGISTERS, 3, 0xBEEF);
    image.setBit(RegisterTable.DISCRETE_INPUTS, 9, true);

    client.writeSingleRegister(1, 10, 0x1234).join();
    client.writeMultipleRegisters(1, 11, 1, 2, 3).join();
    assertThat(client.readHoldingRegisters(1, 10, 4).join().registerValues()).containsExactly(0x1234, 1, 2, 3);
    assertThat(client.readInputRegisters(1, 2, 2).join().registerValues()).containsExactly(0, 0xBEEF);

    client.writeSingleCoil(1, 5, true).join();
    client.writeMultipleCoils(1, 6, true, false, true).join();
    assertThat(client.readCoils(1, 4, 5).join().bitValues(5)).containsExactly(false, true, true, false, true);
    assertThat(client.readDiscreteInputs(1, 8, 3).join().bitValues(3)).containsExactly(false, true, false);

    client.writeSingleRegister(1, 20, 0x12).join();
    assertThat(client.maskWriteRegister(1, 20, 0xF2, 0x25).join().andMask()).isEqualTo(0xF2);
    assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 20)).isEqualTo(0x17);
    assertThat(client.readWriteMultipleRegisters(1, 30, 3, 31, 7, 8).join().registerValues())
        .containsExactly(0, 7, 8);
  }

  @ParameterizedTest
  @EnumSource(value = ModbusMode.class, names = {"TCP", "RTU"})
  void blockingFormReturnsValuesAndThrowsRefusals(ModbusMode mode) {
    start(mode);
    BlockingModbusClient blocking = client.blocking();
    blocking.writeMultipleRegisters(1, 0, 10, 20, 30);
    blocking.writeSingleCoil(1, 3, true);
    assertThat(blocking.readHoldingRegisters(1, 0, 3)).containsExactly(10, 20, 30);
    assertThat(blocking.readCoils(1, 2, 2)).containsExactly(false, true);
    assertThat(blocking.readWriteMultipleRegisters(1, 0, 2, 1, 99)).containsExactly(10, 99);
    assertThatThrownBy(() -> blocking.readInputRegisters(1, 1000, 1))
        .isInstanceOfSatisfying(ModbusExceptionResponseException.class,
            e -> assertThat(e.exceptionCode()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
  }

  @ParameterizedTest
  @EnumSource(ModbusMode.class)
  void answersTheDiagnosticAndIdentificationFunctions(ModbusMode mode) {
    start(mode);
    assertThat(((ReadExceptionStatusResponse) client.sendAndWait(1, new ReadExceptionStatusRequest())).status())
        .isZero();
    DiagnosticsResponse echo = (DiagnosticsResponse) client.sendAndWait(1,
        DiagnosticsRequest.of(DiagnosticSubFunction.RETURN_QUERY_DATA, 0xA537));
    assertThat(echo.value()).isEqualTo(0xA537);
    client.readHoldingRegisters(1, 0, 1).join();
    GetCommEventCounterResponse counter =
        (GetCommEventCounterResponse) client.sendAndWait(1, new GetCommEventCounterRequest());
    assertThat(counter.eventCount()).isEqualTo(3);
    GetCommEventLogResponse log = (GetCommEventLogResponse) client.sendAndWait(1, new GetCommEventLogRequest());
    assertThat(log.eventCount()).isEqualTo(3);
    assertThat(log.messageCount()).isEqualTo(5);
    ReportServerIdResponse id = (ReportServerIdResponse) client.sendAndWait(1, new ReportServerIdRequest());
    assertThat((int) id.data().getUnsignedByte(0)).isEqualTo(1);
    assertThat((int) id.data().getUnsignedByte(1)).isEqualTo(0xFF);
    ReadDeviceIdentificationResponse device = (ReadDeviceIdentificationResponse) client.sendAndWait(1,
        new ReadDeviceIdentificationRequest(ReadDeviceIdCode.BASIC, 0));
    assertThat(device.objects()).hasSize(3);
    assertThat(device.objects().get(0).text()).isEqualTo("EMMS");
  }

  @ParameterizedTest
  @EnumSource(ModbusMode.class)
  void refusesBadRangesAndUnknownFunctions(ModbusMode mode) {
    start(mode);
    assertRefused(client.readHoldingRegisters(1, 999, 2), ExceptionCode.ILLEGAL_DATA_ADDRESS);
    assertRefused(client.readCoils(7, 5, 6), ExceptionCode.ILLEGAL_DATA_ADDRESS);
    assertRefused(client.writeSingleRegister(7, 10, 1), ExceptionCode.ILLEGAL_DATA_ADDRESS);
    // A quantity of 126 cannot be built as a record, so it goes out raw: 03 0000 007E.
    assertRefused(client.send(1, new RawPdu(0x03, Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 126}))),
        ExceptionCode.ILLEGAL_DATA_VALUE);
    assertRefused(client.send(1, new RawPdu(0x41, Unpooled.wrappedBuffer("hi".getBytes(StandardCharsets.US_ASCII)))),
        ExceptionCode.ILLEGAL_FUNCTION);
    // Units are separate images: unit 7 has only 10 registers, unit 1 has 1000.
    assertThat(client.readHoldingRegisters(1, 500, 1).join().registerValues()).containsExactly(0);
    assertThat(server.stats().exceptionResponses()).isEqualTo(5);
  }

  @org.junit.jupiter.api.Test
  void aServedLinkThatClosesIsForgottenAndServedAgainWhenReopened() {
    PipeLink[] pipe = PipeLink.pair("reopen");
    server = ModbusServer.create(ModbusMode.RTU, 1, new ProcessImageService(new ProcessImage(10)));
    server.attach(pipe[1]);
    pipe[1].open().join();
    client = ModbusClient.create(pipe[0], ModbusClientConfig.of(ModbusMode.RTU));
    client.connect().join();
    assertThat(server.attachedLinks()).isEqualTo(1);
    pipe[1].close();
    org.awaitility.Awaitility.await().until(() -> server.attachedLinks() == 0);
    pipe[1].open().join();
    org.awaitility.Awaitility.await().until(() -> server.attachedLinks() == 1);
    assertThat(client.readHoldingRegisters(1, 0, 1).join().registerValues()).containsExactly(0);
  }

  @ParameterizedTest
  @EnumSource(value = ModbusMode.class, names = {"TCP", "UDP"})
  void unknownUnitsAreRefusedOnTcp(ModbusMode mode) {
    start(mode);
    assertRefused(client.readHoldingRegisters(42, 0, 1), ExceptionCode.GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND);
  }

  @ParameterizedTest
  @EnumSource(value = ModbusMode.class, names = {"TCP", "UDP"})
  void hundredPipelinedRequestsAreMatched(ModbusMode mode) {
    start(mode);
    for (int a = 0; a < 200; a++) {
      image.setRegister(RegisterTable.HOLDING_REGISTERS, a, 1000 + a);
    }
    List<CompletableFuture<int[]>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(client.readHoldingRegisters(1, 2 * i, 1 + i % 2).thenApply(r -> r.registerValues()));
    }
    for (int i = 0; i < 100; i++) {
      int[] values = replies.get(i).join();
      assertThat(values).hasSize(1 + i % 2);
      assertThat(values[0]).isEqualTo(1000 + 2 * i);
    }
    assertThat(client.stats().staleResponses()).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = ModbusMode.class, names = {"RTU", "ASCII"})
  void unknownUnitsAreSilentOnSerialLines(ModbusMode mode) {
    PipeLink[] pipe = PipeLink.pair("silent");
    server = ModbusServer.create(mode, 1, new ProcessImageService(new ProcessImage(10)));
    server.attach(pipe[1]);
    pipe[1].open().join();
    client = ModbusClient.create(pipe[0],
        ModbusClientConfig.builder().mode(mode).timeout(Duration.ofMillis(200)).retries(0).build());
    client.connect().join();
    assertThatThrownBy(() -> client.readHoldingRegisters(2, 0, 1).join())
        .hasCauseInstanceOf(ModbusTimeoutException.class);
    assertThat(client.readHoldingRegisters(1, 0, 1).join().registerValues()).containsExactly(0);
    assertThat(server.stats().ignoredFrames()).isEqualTo(1);
  }

  private static void assertRefused(CompletableFuture<? extends ModbusResponse> reply, ExceptionCode code) {
    assertThatThrownBy(reply::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(ModbusExceptionResponseException.class,
            e -> assertThat(e.exceptionCode()).isEqualTo(code));
  }
}

package io.emms.modbus.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleCoilRequest;
import com.digitalpetri.modbus.pdu.WriteSingleCoilResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.serial.SerialPortTransportConfig;
import com.digitalpetri.modbus.serial.client.SerialPortClientTransport;
import com.digitalpetri.modbus.serial.server.SerialPortServerTransport;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ReadWriteModbusServices;
import com.fazecast.jSerialComm.SerialPort;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.ModbusTimeoutException;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modbus RTU between our stack and digitalpetri/modbus 2.x (its jSerialComm serial transports) over a socat pty
 * pair, every end opened by path. Expected bytes are worked out from the application protocol spec (v1.1b3): big-endian
 * registers, bits packed from the least significant bit of the first byte.
 */
class DigitalpetriSerialInteropTest {

  private static final int BAUD_RATE = 9600;
  private static final int METER_REGISTERS = 50;

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

  @Test
  void digitalpetriRtuClientAgainstOurServer() throws Exception {
    ProcessImage image = new ProcessImage(100);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 0, 0x1234);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 1, 0xABCD);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 2, 0x0042);
    image.setBit(RegisterTable.COILS, 1, true);
    image.setBit(RegisterTable.COILS, 4, true);
    image.setBit(RegisterTable.DISCRETE_INPUTS, 0, true);
    image.setBit(RegisterTable.DISCRETE_INPUTS, 9, true);
    bus.serveOnB(ModbusServer.create(ModbusMode.RTU, 1, new ProcessImageService(image)));
    PduRecordingTransport transport = new PduRecordingTransport(onEnd(bus.a()));
    ModbusRtuClient client =
        ModbusRtuClient.create(transport, config -> config.setRequestTimeout(Duration.ofMillis(500)));
    client.connect();
    try {
      ReadHoldingRegistersResponse registers = client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(0, 3));
      assertThat(registers.registers()).containsExactly(0x12, 0x34, 0xAB, 0xCD, 0x00, 0x42);

      WriteSingleRegisterResponse echo = client.writeSingleRegister(1, new WriteSingleRegisterRequest(10, 0xBEEF));
      assertThat(echo.address()).isEqualTo(10);
      assertThat(echo.value()).isEqualTo(0xBEEF);
      assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 10)).isEqualTo(0xBEEF);
      assertThat(client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(9, 2)).registers())
          .containsExactly(0x00, 0x00, 0xBE, 0xEF);

      // Coils 0..4 are off, on, off, off, on: 0b0001_0010.
      ReadCoilsResponse coils = client.readCoils(1, new ReadCoilsRequest(0, 5));
      assertThat(coils.coils()).containsExactly(0x12);
      // Inputs 0 and 9 of ten: bit 0 of the first byte, bit 1 of the second.
      ReadDiscreteInputsResponse inputs = client.readDiscreteInputs(1, new ReadDiscreteInputsRequest(0, 10));
      assertThat(inputs.inputs()).containsExactly(0x01, 0x02);

      WriteMultipleRegistersResponse written = client.writeMultipleRegisters(
          1, new WriteMultipleRegistersRequest(20, 2, new byte[] {0x11, 0x22, 0x33, 0x44}));
      assertThat(written.address()).isEqualTo(20);
      assertThat(written.quantity()).isEqualTo(2);
      assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 20)).isEqualTo(0x1122);
      assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 21)).isEqualTo(0x3344);

      // Past the end of the 16-bit address space, and past the end of our 100-register image: both are 02. The
      // code is read off the PDU digitalpetri parsed, since its RTU client (2.1.3) takes the exception code from
      // the function byte again and reports (byte) 0x83.
      assertThatThrownBy(() -> client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(65535, 2)))
          .isInstanceOfSatisfying(ModbusResponseException.class, e -> assertThat(e.getFunctionCode()).isEqualTo(0x03));
      assertThat(transport.takeLastPdu()).containsExactly(0x83, 0x02);
      assertThatThrownBy(() -> client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(99, 2)))
          .isInstanceOf(ModbusResponseException.class);
      assertThat(transport.takeLastPdu()).containsExactly(0x83, 0x02);

      // Unit 7 is not ours: our server stays silent on a serial line, digitalpetri times out, the bus still works.
      assertThatThrownBy(() -> client.readHoldingRegisters(7, new ReadHoldingRegistersRequest(0, 1)))
          .isInstanceOf(com.digitalpetri.modbus.exceptions.ModbusTimeoutException.class);
      assertThat(client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(1, 1)).registers())
          .containsExactly(0xAB, 0xCD);
    } finally {
      client.disconnect();
    }
  }

  @Test
  void ourRtuClientAgainstDigitalpetriServer() throws Exception {
    var image = new com.digitalpetri.modbus.server.ProcessImage();
    image.with(tx -> {
      tx.writeHoldingRegisters(registers -> {
        for (int i = 0; i < METER_REGISTERS; i++) {
          registers.put(i, new byte[] {0x40, (byte) i});
        }
      });
      tx.writeInputRegisters(registers -> registers.put(3, new byte[] {(byte) 0xCA, (byte) 0xFE}));
      tx.writeCoils(coils -> coils.put(2, true));
      tx.writeDiscreteInputs(inputs -> inputs.put(1, true));
    });
    ModbusRtuServer server = ModbusRtuServer.create(
        new SerialPortServerTransport(onEnd(bus.b())), new MeterServices(image));
    server.start();
    try {
      ModbusClient client = bus.clientOnA(ModbusMode.RTU, Duration.ofMillis(500));
      assertThat(client.readHoldingRegisters(1, 0, 3).join().registerValues()).containsExactly(0x4000, 0x4001, 0x4002);
      assertThat(client.readInputRegisters(1, 2, 2).join().registerValues()).containsExactly(0x0000, 0xCAFE);
      assertThat(client.readCoils(1, 0, 4).join().bitValues(4)).containsExactly(false, false, true, false);
      assertThat(client.readDiscreteInputs(1, 0, 3).join().bitValues(3)).containsExactly(false, true, false);

      client.writeSingleRegister(1, 5, 0xBEEF).join();
      client.writeMultipleRegisters(1, 6, 0x0102, 0x0304).join();
      client.writeSingleCoil(1, 0, true).join();
      byte[] stored = image.get(tx -> tx.readHoldingRegisters(registers -> registers.get(5)));
      assertThat(stored).containsExactly(0xBE, 0xEF);
      stored = image.get(tx -> tx.readHoldingRegisters(registers -> registers.get(7)));
      assertThat(stored).containsExactly(0x03, 0x04);
      assertThat(client.readHoldingRegisters(1, 4, 4).join().registerValues())
          .containsExactly(0x4004, 0xBEEF, 0x0102, 0x0304);
      assertThat(client.readCoils(1, 0, 3).join().bitValues(3)).containsExactly(true, false, true);

      // digitalpetri's exception frame fails its CRC (digitalpetriRtuServerSendsExceptionWithCrcOfUnitIdOnly); a
      // master must discard it, so this times out instead of failing with 02, and the bus still works afterwards.
      assertThatThrownBy(() -> client.readHoldingRegisters(1, METER_REGISTERS - 1, 2).join())
          .hasCauseInstanceOf(ModbusTimeoutException.class);
      // digitalpetri's serial transport drops a request for a unit it does not serve, as a serial slave must.
      assertThatThrownBy(() -> client.readHoldingRegisters(2, 0, 1).join())
          .hasCauseInstanceOf(ModbusTimeoutException.class);
      assertThat(client.readHoldingRegisters(1, 1, 1).join().registerValues()).containsExactly(0x4001);
    } finally {
      server.stop();
    }
  }

  /**
   * Why our client cannot surface digitalpetri's 02: its RTU server (2.1.3) computes the CRC of an exception
   * response over the unit id alone, since the PDU buffer is not flipped before the CRC pass. The bytes are read raw
   * off the pty. Request 01 03 0031 0002 with its CRC 95 C4, worked out per the serial line spec (v1.02); the
   * correct reply would be 01 83 02 C0 F1.
   */
  @Test
  void digitalpetriRtuServerSendsExceptionWithCrcOfUnitIdOnly() throws Exception {
    ModbusRtuServer server = ModbusRtuServer.create(
        new SerialPortServerTransport(onEnd(bus.b())),
        new MeterServices(new com.digitalpetri.modbus.server.ProcessImage()));
    server.start();
    SerialPort port = SerialPort.getCommPort(bus.a());
    port.setComPortParameters(BAUD_RATE, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, 5000, 0);
    try {
      assertThat(port.openPort()).isTrue();
      byte[] request = {0x01, 0x03, 0x00, 0x31, 0x00, 0x02, (byte) 0x95, (byte) 0xC4};
      port.writeBytes(request, request.length);
      byte[] reply = new byte[5];
      assertThat(port.readBytes(reply, reply.length)).isEqualTo(reply.length);
      // 7E 80 is the CRC of the single byte 01.
      assertThat(reply).containsExactly(0x01, 0x83, 0x02, 0x7E, 0x80);
    } finally {
      port.closePort();
      server.stop();
    }
  }

  /** digitalpetri's serial transport settings for one end of the bus: 8N1 at {@link #BAUD_RATE}. */
  private static SerialPortTransportConfig onEnd(String port) {
    return SerialPortTransportConfig.create(config -> {
      config.serialPort = port;
      config.baudRate = BAUD_RATE;
    });
  }

  /** digitalpetri's serial client transport, keeping a copy of the last response PDU it parsed off the wire. */
  private static final class PduRecordingTransport extends SerialPortClientTransport {

    private final AtomicReference<byte[]> lastPdu = new AtomicReference<>();

    PduRecordingTransport(SerialPortTransportConfig config) {
      super(config);
    }

    @Override
    public void receive(Consumer<ModbusRtuFrame> frameReceiver) {
      super.receive(frame -> {
        ByteBuffer pdu = frame.pdu().duplicate();
        byte[] copy = new byte[pdu.remaining()];
        pdu.get(copy);
        lastPdu.set(copy);
        frameReceiver.accept(frame);
      });
    }

    /** The last response PDU, cleared so that the next call sees only what arrives after this one. */
    byte[] takeLastPdu() {
      return lastPdu.getAndSet(null);
    }
  }

  /**
   * Unit 1 as a meter with {@value #METER_REGISTERS} holding registers on digitalpetri's stock services. Those answer
   * every address (their image is a sparse map that reads absent entries as zero) and never send 02, so this refuses
   * a holding-register read past the last register with 02, as the spec asks of an address the device lacks.
   */
  private static final class MeterServices implements ModbusServices {

    private final ReadWriteModbusServices stock;

    MeterServices(com.digitalpetri.modbus.server.ProcessImage image) {
      this.stock = new ReadWriteModbusServices() {
        @Override
        protected Optional<com.digitalpetri.modbus.server.ProcessImage> getProcessImage(int unitId) {
          return unitId == 1 ? Optional.of(image) : Optional.empty();
        }
      };
    }

    @Override
    public ReadHoldingRegistersResponse readHoldingRegisters(
        ModbusRequestContext context, int unitId, ReadHoldingRegistersRequest request)
        throws ModbusResponseException, UnknownUnitIdException {
      if (request.address() + request.quantity() > METER_REGISTERS) {
        throw new ModbusResponseException(FunctionCode.READ_HOLDING_REGISTERS, ExceptionCode.ILLEGAL_DATA_ADDRESS);
      }
      return stock.readHoldingRegisters(context, unitId, request);
    }

    @Override
    public ReadInputRegistersResponse readInputRegisters(
        ModbusRequestContext context, int unitId, ReadInputRegistersRequest request) throws UnknownUnitIdException {
      return stock.readInputRegisters(context, unitId, request);
    }

    @Override
    public ReadCoilsResponse readCoils(ModbusRequestContext context, int unitId, ReadCoilsRequest request)
        throws UnknownUnitIdException {
      return stock.readCoils(context, unitId, request);
    }

    @Override
    public ReadDiscreteInputsResponse readDiscreteInputs(
        ModbusRequestContext context, int unitId, ReadDiscreteInputsRequest request) throws UnknownUnitIdException {
      return stock.readDiscreteInputs(context, unitId, request);
    }

    @Override
    public WriteSingleRegisterResponse writeSingleRegister(
        ModbusRequestContext context, int unitId, WriteSingleRegisterRequest request) throws UnknownUnitIdException {
      return stock.writeSingleRegister(context, unitId, request);
    }

    @Override
    public WriteMultipleRegistersResponse writeMultipleRegisters(
        ModbusRequestContext context, int unitId, WriteMultipleRegistersRequest request) throws UnknownUnitIdException {
      return stock.writeMultipleRegisters(context, unitId, request);
    }

    @Override
    public WriteSingleCoilResponse writeSingleCoil(
        ModbusRequestContext context, int unitId, WriteSingleCoilRequest request) throws UnknownUnitIdException {
      return stock.writeSingleCoil(context, unitId, request);
    }
  }
}

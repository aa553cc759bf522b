package io.emms.modbus.server;

import static io.emms.modbus.client.RegisterTable.COILS;
import static io.emms.modbus.client.RegisterTable.DISCRETE_INPUTS;
import static io.emms.modbus.client.RegisterTable.HOLDING_REGISTERS;
import static io.emms.modbus.client.RegisterTable.INPUT_REGISTERS;

import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.DeviceIdObject;
import io.emms.modbus.pdu.DiagnosticSubFunction;
import io.emms.modbus.pdu.DiagnosticsRequest;
import io.emms.modbus.pdu.DiagnosticsResponse;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.FileRecord;
import io.emms.modbus.pdu.FileRecordReference;
import io.emms.modbus.pdu.GetCommEventCounterRequest;
import io.emms.modbus.pdu.GetCommEventCounterResponse;
import io.emms.modbus.pdu.GetCommEventLogRequest;
import io.emms.modbus.pdu.GetCommEventLogResponse;
import io.emms.modbus.pdu.MaskWriteRegisterRequest;
import io.emms.modbus.pdu.MaskWriteRegisterResponse;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadCoilsRequest;
import io.emms.modbus.pdu.ReadCoilsResponse;
import io.emms.modbus.pdu.ReadDeviceIdCode;
import io.emms.modbus.pdu.ReadDeviceIdentificationRequest;
import io.emms.modbus.pdu.ReadDeviceIdentificationResponse;
import io.emms.modbus.pdu.ReadDiscreteInputsRequest;
import io.emms.modbus.pdu.ReadDiscreteInputsResponse;
import io.emms.modbus.pdu.ReadExceptionStatusRequest;
import io.emms.modbus.pdu.ReadExceptionStatusResponse;
import io.emms.modbus.pdu.ReadFifoQueueRequest;
import io.emms.modbus.pdu.ReadFifoQueueResponse;
import io.emms.modbus.pdu.ReadFileRecordRequest;
import io.emms.modbus.pdu.ReadFileRecordResponse;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.emms.modbus.pdu.ReadInputRegistersRequest;
import io.emms.modbus.pdu.ReadInputRegistersResponse;
import io.emms.modbus.pdu.ReadWriteMultipleRegistersRequest;
import io.emms.modbus.pdu.ReadWriteMultipleRegistersResponse;
import io.emms.modbus.pdu.ReportServerIdRequest;
import io.emms.modbus.pdu.ReportServerIdResponse;
import io.emms.modbus.pdu.WriteFileRecordRequest;
import io.emms.modbus.pdu.WriteFileRecordResponse;
import io.emms.modbus.pdu.WriteMultipleCoilsRequest;
import io.emms.modbus.pdu.WriteMultipleCoilsResponse;
import io.emms.modbus.pdu.WriteMultipleRegistersRequest;
import io.emms.modbus.pdu.WriteMultipleRegistersResponse;
import io.emms.modbus.pdu.WriteSingleCoilRequest;
import io.emms.modbus.pdu.WriteSingleCoilResponse;
import io.emms.modbus.pdu.WriteSingleRegisterRequest;
import io.emms.modbus.pdu.WriteSingleRegisterResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves every public function code from a {@link ProcessImage}: reads and writes of the four tables, mask write,
 * read/write multiple, read and write file record, read FIFO queue, the serial-line diagnostics (08 sub-function 00 echo, 0A clear counters), comm event counter
 * and log, report server ID and read device identification (basic objects). Addresses outside the image are
 * answered with {@link ExceptionCode#ILLEGAL_DATA_ADDRESS}; any other function with
 * {@link ExceptionCode#ILLEGAL_FUNCTION}.
 *
 * <p>Extend it and override a {@code protected} method to change one function; the others keep working.
 */
public class ProcessImageService implements ModbusService {

  private final ProcessImage image;
  private final String vendor;
  private final String product;
  private final String revision;
  private final AtomicInteger eventCount = new AtomicInteger();
  private final AtomicInteger messageCount = new AtomicInteger();
  /** Whether register reads come straight from the image, i.e. no subclass overrides them. */
  private final boolean readsFromImage = !overrides("readHoldingRegisters", ReadHoldingRegistersRequest.class)
      && !overrides("readInputRegisters", ReadInputRegistersRequest.class);

  /** Serves {@code image}, identifying itself as an EMMS simulator. */
  public ProcessImageService(ProcessImage image) {
    this(image, "EMMS", "EMMS Modbus simulator", "0.1");
  }

  /** Serves {@code image} with the given device identification (function 2B/0E objects 0..2). */
  public ProcessImageService(ProcessImage image, String vendor, String product, String revision) {
    this.image = Objects.requireNonNull(image, "image");
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.product = Objects.requireNonNull(product, "product");
    this.revision = Objects.requireNonNull(revision, "revision");
  }

  /** The image this service reads and writes. */
  public ProcessImage image() {
    return image;
  }

  @Override
  public final ModbusResponse handle(int unitId, ModbusRequest request) {
    messageCount.incrementAndGet();
    ModbusResponse response = dispatch(unitId, request);
    // Serial line spec: the event counter skips exception responses and the event counter/log fetches.
    boolean fetch = request instanceof GetCommEventCounterRequest || request instanceof GetCommEventLogRequest;
    if (!fetch && !(response instanceof ExceptionResponse)) {
      eventCount.incrementAndGet();
    }
    return response;
  }

  /**
   * The polling path of {@link ModbusServer}: appends the registers of a function 03 / 04 read to {@code out} and
   * counts the request as {@link #handle} would; declines ({@code false}, nothing written) when a subclass overrides
   * the read or the range is outside the image, and the record path answers instead.
   */
  boolean readRegistersInPlace(int functionCode, int address, int quantity, ByteBuf out) {
    RegisterTable table = functionCode == 0x03 ? HOLDING_REGISTERS : INPUT_REGISTERS;
    if (!readsFromImage || !image.contains(table, address, quantity)) {
      return false;
    }
    image.readRegisters(table, address, quantity, out);
    messageCount.incrementAndGet();
    eventCount.incrementAndGet();
    return true;
  }

  private boolean overrides(String method, Class<?> requestType) {
    for (Class<?> c = getClass(); c != ProcessImageService.class; c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod(method, int.class, requestType);
        return true;
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
    }
    return false;
  }

  private ModbusResponse dispatch(int unitId, ModbusRequest request) {
    if (request instanceof ReadHoldingRegistersRequest r) {
      return readHoldingRegisters(unitId, r);
    } else if (request instanceof ReadInputRegistersRequest r) {
      return readInputRegisters(unitId, r);
    } else if (request instanceof ReadCoilsRequest r) {
      return readCoils(unitId, r);
    } else if (request instanceof ReadDiscreteInputsRequest r) {
      return readDiscreteInputs(unitId, r);
    } else if (request instanceof WriteSingleCoilRequest r) {
      return writeSingleCoil(unitId, r);
    } else if (request instanceof WriteSingleRegisterRequest r) {
      return writeSingleRegister(unitId, r);
    } else if (request instanceof WriteMultipleCoilsRequest r) {
      return writeMultipleCoils(unitId, r);
    } else if (request instanceof WriteMultipleRegistersRequest r) {
      return writeMultipleRegisters(unitId, r);
    } else if (request instanceof MaskWriteRegisterRequest r) {
      return maskWriteRegister(unitId, r);
    } else if (request instanceof ReadWriteMultipleRegistersRequest r) {
      return readWriteMultipleRegisters(unitId, r);
    }
    return dispatchOther(unitId, request);
  }

  private ModbusResponse dispatchOther(int unitId, ModbusRequest request) {
    if (request instanceof ReadExceptionStatusRequest r) {
      return readExceptionStatus(unitId, r);
    } else if (request instanceof DiagnosticsRequest r) {
      return diagnostics(unitId, r);
    } else if (request instanceof GetCommEventCounterRequest r) {
      return getCommEventCounter(unitId, r);
    } else if (request instanceof GetCommEventLogRequest r) {
      return getCommEventLog(unitId, r);
    } else if (request instanceof ReportServerIdRequest r) {
      return reportServerId(unitId, r);
    } else if (request instanceof ReadDeviceIdentificationRequest r) {
      return readDeviceIdentification(unitId, r);
    } else if (request instanceof ReadFileRecordRequest r) {
      return readFileRecord(unitId, r);
    } else if (request instanceof WriteFileRecordRequest r) {
      return writeFileRecord(unitId, r);
    } else if (request instanceof ReadFifoQueueRequest r) {
      return readFifoQueue(unitId, r);
    }
    return ModbusService.refuse(request, ExceptionCode.ILLEGAL_FUNCTION);
  }

  protected ModbusResponse readHoldingRegisters(int unitId, ReadHoldingRegistersRequest r) {
    ByteBuf regs = readRegisters(HOLDING_REGISTERS, r.address(), r.quantity());
    return regs == null ? illegalAddress(r) : new ReadHoldingRegistersResponse(regs);
  }

  protected ModbusResponse readInputRegisters(int unitId, ReadInputRegistersRequest r) {
    ByteBuf regs = readRegisters(INPUT_REGISTERS, r.address(), r.quantity());
    return regs == null ? illegalAddress(r) : new ReadInputRegistersResponse(regs);
  }

  protected ModbusResponse readCoils(int unitId, ReadCoilsRequest r) {
    ByteBuf bits = readBits(COILS, r.address(), r.quantity());
    return bits == null ? illegalAddress(r) : new ReadCoilsResponse(bits);
  }

  protected ModbusResponse readDiscreteInputs(int unitId, ReadDiscreteInputsRequest r) {
    ByteBuf bits = readBits(DISCRETE_INPUTS, r.address(), r.quantity());
    return bits == null ? illegalAddress(r) : new ReadDiscreteInputsResponse(bits);
  }

  protected ModbusResponse writeSingleCoil(int unitId, WriteSingleCoilRequest r) {
    if (!image.contains(COILS, r.address(), 1)) {
      return illegalAddress(r);
    }
    image.setBit(COILS, r.address(), r.on());
    return new WriteSingleCoilResponse(r.address(), r.on());
  }

  protected ModbusResponse writeSingleRegister(int unitId, WriteSingleRegisterRequest r) {
    if (!image.contains(HOLDING_REGISTERS, r.address(), 1)) {
      return illegalAddress(r);
    }
    image.setRegister(HOLDING_REGISTERS, r.address(), r.value());
    return new WriteSingleRegisterResponse(r.address(), r.value());
  }

  protected ModbusResponse writeMultipleCoils(int unitId, WriteMultipleCoilsRequest r) {
    if (!image.contains(COILS, r.address(), r.quantity())) {
      return illegalAddress(r);
    }
    image.writeBits(COILS, r.address(), r.quantity(), r.bits().duplicate());
    return new WriteMultipleCoilsResponse(r.address(), r.quantity());
  }

  protected ModbusResponse writeMultipleRegisters(int unitId, WriteMultipleRegistersRequest r) {
    if (!image.contains(HOLDING_REGISTERS, r.address(), r.quantity())) {
      return illegalAddress(r);
    }
    image.writeRegisters(HOLDING_REGISTERS, r.address(), r.quantity(), r.registers().duplicate());
    return new WriteMultipleRegistersResponse(r.address(), r.quantity());
  }

  protected ModbusResponse maskWriteRegister(int unitId, MaskWriteRegisterRequest r) {
    if (!image.contains(HOLDING_REGISTERS, r.address(), 1)) {
      return illegalAddress(r);
    }
    image.maskWrite(r.address(), r.andMask(), r.orMask());
    return new MaskWriteRegisterResponse(r.address(), r.andMask(), r.orMask());
  }

  /** Writes first, then reads, as the specification orders it for function 0x17. */
  protected ModbusResponse readWriteMultipleRegisters(int unitId, ReadWriteMultipleRegistersRequest r) {
    if (!image.contains(HOLDING_REGISTERS, r.writeAddress(), r.writeQuantity())
        || !image.contains(HOLDING_REGISTERS, r.readAddress(), r.readQuantity())) {
      return illegalAddress(r);
    }
    image.writeRegisters(HOLDING_REGISTERS, r.writeAddress(), r.writeQuantity(), r.registers().duplicate());
    return new ReadWriteMultipleRegistersResponse(readRegisters(HOLDING_REGISTERS, r.readAddress(), r.readQuantity()));
  }

  /** Answers every sub-request, or refuses the whole request with 02 if one names a record the image lacks. */
  protected ModbusResponse readFileRecord(int unitId, ReadFileRecordRequest r) {
    List<ByteBuf> records = new ArrayList<>(r.references().size());
    for (FileRecordReference f : r.references()) {
      if (!image.containsRecords(f.fileNumber(), f.recordNumber(), f.recordLength())) {
        return illegalAddress(r);
      }
      ByteBuf out = Unpooled.buffer(2 * f.recordLength());
      image.readFileRecords(f.fileNumber(), f.recordNumber(), f.recordLength(), out);
      records.add(out);
    }
    return new ReadFileRecordResponse(records);
  }

  /** Writes every sub-request once all are known to fit the image (else 02, nothing written), and echoes them. */
  protected ModbusResponse writeFileRecord(int unitId, WriteFileRecordRequest r) {
    for (FileRecord f : r.records()) {
      if (!image.containsRecords(f.fileNumber(), f.recordNumber(), f.registerCount())) {
        return illegalAddress(r);
      }
    }
    List<FileRecord> echo = new ArrayList<>(r.records().size());
    for (FileRecord f : r.records()) {
      image.writeFileRecords(f.fileNumber(), f.recordNumber(), f.registerCount(), f.registers().duplicate());
      echo.add(new FileRecord(f.fileNumber(), f.recordNumber(), Unpooled.copiedBuffer(f.registers())));
    }
    return new WriteFileRecordResponse(echo);
  }

  /** The queue at the pointer address; 02 where there is none, 03 for a queue longer than 31 (section 6.18). */
  protected ModbusResponse readFifoQueue(int unitId, ReadFifoQueueRequest r) {
    int length = image.fifoQueueLength(r.address());
    if (length < 0) {
      return illegalAddress(r);
    }
    if (length > ReadFifoQueueResponse.MAX_COUNT) {
      return ModbusService.refuse(r, ExceptionCode.ILLEGAL_DATA_VALUE);
    }
    ByteBuf out = Unpooled.buffer(2 * length);
    image.readFifoQueue(r.address(), out);
    return new ReadFifoQueueResponse(out);
  }

  protected ModbusResponse readExceptionStatus(int unitId, ReadExceptionStatusRequest r) {
    return new ReadExceptionStatusResponse(0);
  }

  protected ModbusResponse diagnostics(int unitId, DiagnosticsRequest r) {
    if (r.subFunction() == DiagnosticSubFunction.RETURN_QUERY_DATA.code()) {
      return new DiagnosticsResponse(r.subFunction(), Unpooled.copiedBuffer(r.data()));
    }
    if (r.subFunction() == DiagnosticSubFunction.CLEAR_COUNTERS_AND_DIAGNOSTIC_REGISTER.code()) {
      eventCount.set(0);
      messageCount.set(0);
      return new DiagnosticsResponse(r.subFunction(), Unpooled.copiedBuffer(r.data()));
    }
    return ModbusService.refuse(r, ExceptionCode.ILLEGAL_FUNCTION);
  }

  protected ModbusResponse getCommEventCounter(int unitId, GetCommEventCounterRequest r) {
    return new GetCommEventCounterResponse(0, eventCount.get() & 0xFFFF);
  }

  protected ModbusResponse getCommEventLog(int unitId, GetCommEventLogRequest r) {
    return new GetCommEventLogResponse(
        0, eventCount.get() & 0xFFFF, messageCount.get() & 0xFFFF, Unpooled.EMPTY_BUFFER);
  }

  /** Server ID byte (the unit id), run indicator 0xFF (running), then the product name. */
  protected ModbusResponse reportServerId(int unitId, ReportServerIdRequest r) {
    byte[] name = product.getBytes(StandardCharsets.US_ASCII);
    ByteBuf data = Unpooled.buffer(2 + name.length);
    data.writeByte(unitId).writeByte(0xFF).writeBytes(name);
    return new ReportServerIdResponse(data);
  }

  /** Answers the basic objects: 0 vendor name, 1 product code, 2 major/minor revision (conformity level 0x81). */
  protected ModbusResponse readDeviceIdentification(int unitId, ReadDeviceIdentificationRequest r) {
    List<DeviceIdObject> basic = List.of(
        DeviceIdObject.of(0, vendor), DeviceIdObject.of(1, product), DeviceIdObject.of(2, revision));
    if (r.code() == ReadDeviceIdCode.INDIVIDUAL) {
      if (r.objectId() > 2) {
        return illegalAddress(r);
      }
      return new ReadDeviceIdentificationResponse(r.code(), 0x81, false, 0, List.of(basic.get(r.objectId())));
    }
    int first = r.objectId() > 2 ? 0 : r.objectId();
    return new ReadDeviceIdentificationResponse(r.code(), 0x81, false, 0, basic.subList(first, basic.size()));
  }

  private ByteBuf readRegisters(RegisterTable table, int address, int quantity) {
    if (!image.contains(table, address, quantity)) {
      return null;
    }
    ByteBuf out = Unpooled.buffer(2 * quantity);
    image.readRegisters(table, address, quantity, out);
    return out;
  }

  private ByteBuf readBits(RegisterTable table, int address, int quantity) {
    if (!image.contains(table, address, quantity)) {
      return null;
    }
    ByteBuf out = Unpooled.buffer((quantity + 7) >>> 3);
    image.readBits(table, address, quantity, out);
    return out;
  }

  private static ModbusResponse illegalAddress(ModbusRequest r) {
    return ModbusService.refuse(r, ExceptionCode.ILLEGAL_DATA_ADDRESS);
  }
}

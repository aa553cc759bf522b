package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random valid PDUs of every function, both directions, for property tests. */
public final class PduArbitraries {

  private PduArbitraries() {}

  private static Arbitrary<Integer> u16() {
    return Arbitraries.integers().between(0, 0xFFFF);
  }

  private static Arbitrary<Integer> u8() {
    return Arbitraries.integers().between(0, 0xFF);
  }

  private static Arbitrary<ByteBuf> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(Unpooled::wrappedBuffer);
  }

  private static Arbitrary<ByteBuf> registers(int max) {
    return Arbitraries.integers().between(1, max).flatMap(n -> bytes(2 * n, 2 * n));
  }

  /** An (address, quantity) pair with address + quantity <= 65536. */
  private static Arbitrary<int[]> range(int maxQuantity) {
    return Arbitraries.integers().between(1, maxQuantity)
        .flatMap(q -> Arbitraries.integers().between(0, 0x10000 - q).map(a -> new int[] {a, q}));
  }

  public static Arbitrary<ModbusRequest> requests() {
    return Arbitraries.oneOf(List.of(
        range(2000).map(r -> new ReadCoilsRequest(r[0], r[1])),
        range(2000).map(r -> new ReadDiscreteInputsRequest(r[0], r[1])),
        range(125).map(r -> new ReadHoldingRegistersRequest(r[0], r[1])),
        range(125).map(r -> new ReadInputRegistersRequest(r[0], r[1])),
        Combinators.combine(u16(), Arbitraries.of(true, false)).as(WriteSingleCoilRequest::new),
        Combinators.combine(u16(), u16()).as(WriteSingleRegisterRequest::new),
        Arbitraries.just(new ReadExceptionStatusRequest()),
        Combinators.combine(u16(), bytes(2, 2)).as(DiagnosticsRequest::new),
        Arbitraries.just(new GetCommEventCounterRequest()),
        Arbitraries.just(new GetCommEventLogRequest()),
        range(1968).flatMap(r -> bytes((r[1] + 7) / 8, (r[1] + 7) / 8)
            .map(b -> new WriteMultipleCoilsRequest(r[0], r[1], b))),
        range(123).flatMap(r -> bytes(2 * r[1], 2 * r[1]).map(b -> new WriteMultipleRegistersRequest(r[0], b))),
        Arbitraries.just(new ReportServerIdRequest()),
        Combinators.combine(u16(), u16(), u16()).as(MaskWriteRegisterRequest::new),
        Combinators.combine(range(125), range(121)).flatAs((read, write) -> bytes(2 * write[1], 2 * write[1])
            .map(b -> new ReadWriteMultipleRegistersRequest(read[0], read[1], write[0], b))),
        Combinators.combine(Arbitraries.of(ReadDeviceIdCode.class), u8())
            .as(ReadDeviceIdentificationRequest::new),
        fileReference().list().ofMinSize(1).ofMaxSize(4).map(ReadFileRecordRequest::new),
        fileRecord().list().ofMinSize(1).ofMaxSize(4).map(WriteFileRecordRequest::new),
        u16().map(ReadFifoQueueRequest::new),
        Combinators.combine(Arbitraries.integers().between(0x41, 0x48), bytes(0, 20)).as(RawPdu::new)));
  }

  public static Arbitrary<ModbusResponse> responses() {
    return Arbitraries.oneOf(List.of(
        bytes(1, 250).map(ReadCoilsResponse::new),
        bytes(1, 250).map(ReadDiscreteInputsResponse::new),
        registers(125).map(ReadHoldingRegistersResponse::new),
        registers(125).map(ReadInputRegistersResponse::new),
        Combinators.combine(u16(), Arbitraries.of(true, false)).as(WriteSingleCoilResponse::new),
        Combinators.combine(u16(), u16()).as(WriteSingleRegisterResponse::new),
        u8().map(ReadExceptionStatusResponse::new),
        Combinators.combine(u16(), bytes(2, 2)).as(DiagnosticsResponse::new),
        Combinators.combine(u16(), u16()).as(GetCommEventCounterResponse::new),
        Combinators.combine(u16(), u16(), u16(), bytes(0, 64)).as(GetCommEventLogResponse::new),
        range(1968).map(r -> new WriteMultipleCoilsResponse(r[0], r[1])),
        range(123).map(r -> new WriteMultipleRegistersResponse(r[0], r[1])),
        bytes(1, 251).map(ReportServerIdResponse::new),
        Combinators.combine(u16(), u16(), u16()).as(MaskWriteRegisterResponse::new),
        registers(125).map(ReadWriteMultipleRegistersResponse::new),
        deviceIdentification(),
        Combinators.combine(Arbitraries.integers().between(1, 0x7F), Arbitraries.of(ExceptionCode.class))
            .as(ExceptionResponse::new),
        Combinators.combine(Arbitraries.integers().between(1, 0x7F), Arbitraries.integers().between(1, 0xFF))
            .as(ExceptionResponse::new),
        registers(20).list().ofMinSize(1).ofMaxSize(4).map(ReadFileRecordResponse::new),
        fileRecord().list().ofMinSize(1).ofMaxSize(4).map(WriteFileRecordResponse::new),
        Arbitraries.integers().between(0, ReadFifoQueueResponse.MAX_COUNT)
            .flatMap(n -> bytes(2 * n, 2 * n)).map(ReadFifoQueueResponse::new),
        Combinators.combine(Arbitraries.integers().between(0x41, 0x48), bytes(0, 20)).as(RawPdu::new)));
  }

  private static Arbitrary<FileRecordReference> fileReference() {
    return Combinators.combine(Arbitraries.integers().between(1, 0xFFFF), Arbitraries.integers().between(1, 20))
        .flatAs((file, length) -> Arbitraries.integers().between(0, 10000 - length)
            .map(record -> new FileRecordReference(file, record, length)));
  }

  private static Arbitrary<FileRecord> fileRecord() {
    return Combinators.combine(fileReference(), Arbitraries.bytes().array(byte[].class).ofSize(40))
        .as((f, data) -> new FileRecord(
            f.fileNumber(), f.recordNumber(), Unpooled.wrappedBuffer(data, 0, 2 * f.recordLength())));
  }

  private static Arbitrary<ModbusResponse> deviceIdentification() {
    Arbitrary<DeviceIdObject> object = Combinators.combine(u8(), bytes(0, 20)).as(DeviceIdObject::new);
    return Combinators.combine(
            Arbitraries.of(ReadDeviceIdCode.class), u8(), Arbitraries.of(true, false), u8(),
            object.list().ofMaxSize(8))
        .as(ReadDeviceIdentificationResponse::new);
  }

  /** Requests or responses. */
  public static Arbitrary<ModbusPdu> pdus(Direction direction) {
    return direction == Direction.REQUEST ? requests().map(p -> p) : responses().map(p -> p);
  }
}

package io.emms.modbus.client;

import io.emms.bus.Priority;
import io.emms.bus.Transaction;
import io.emms.core.link.FrameDecoder;
import io.emms.core.link.LinkException;
import io.emms.core.meter.MeterException;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.modbus.frame.AsciiFrameEncoder;
import io.emms.modbus.frame.MbapFrame;
import io.emms.modbus.frame.MbapFrameEncoder;
import io.emms.modbus.frame.ModbusFrame;
import io.emms.modbus.frame.RtuFrameEncoder;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.GetCommEventCounterRequest;
import io.emms.modbus.pdu.GetCommEventLogRequest;
import io.emms.modbus.pdu.ModbusDecodeException;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadCoilsRequest;
import io.emms.modbus.pdu.ReadDeviceIdentificationRequest;
import io.emms.modbus.pdu.ReadDiscreteInputsRequest;
import io.emms.modbus.pdu.ReadExceptionStatusRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadInputRegistersRequest;
import io.emms.modbus.pdu.ReportServerIdRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One Modbus request and its response as a line {@link Transaction}. The request's payload must stay valid until
 * the future completes, since a retry encodes it again. Failures of the line come back as the Modbus exception
 * types.
 */
final class ModbusExchange implements Transaction<ModbusResponse> {

  private final ModbusWire wire;
  private final int unitId;
  private final ModbusRequest request;
  private final String meterId;
  private final Priority priority;
  private ModbusResponse response;

  /** @param priority the line priority, or {@code null}: reads on demand, writes as commands */
  ModbusExchange(ModbusWire wire, int unitId, ModbusRequest request, Priority priority) {
    this.wire = wire;
    this.unitId = unitId;
    this.request = request;
    this.meterId = "modbus:" + unitId;
    this.priority = priority != null ? priority : readOnly(request) ? Priority.ON_DEMAND : Priority.COMMAND;
  }

  @Override
  public String meterId() {
    return meterId;
  }

  @Override
  public Priority priority() {
    return priority;
  }

  @Override
  public FrameDecoder<?> decoder() {
    return wire.decoder;
  }

  @Override
  public void writeRequest(ByteBuf out, int transactionId) {
    switch (wire.mode) {
      case TCP, UDP -> MbapFrameEncoder.encode(transactionId, unitId, request, out);
      case RTU, RTU_OVER_TCP -> RtuFrameEncoder.encode(unitId, request, out);
      case ASCII -> AsciiFrameEncoder.encode(unitId, request, out);
    }
  }

  @Override
  public int transactionIdOf(Object frame) {
    return frame instanceof MbapFrame m ? m.transactionId() : -1;
  }

  @Override
  public Verdict onFrame(Object received) {
    ModbusFrame frame = (ModbusFrame) received;
    if (frame.unitId() != unitId) {
      if (!(frame instanceof MbapFrame)) {
        wire.foreignUnitResponse();
      }
      return Verdict.IGNORE;
    }
    ModbusResponse decoded;
    try {
      // A heap copy, which outlives the I/O callback.
      decoded = ModbusPduDecoder.decodeResponse(Unpooled.copiedBuffer(frame.pdu()), request);
    } catch (ModbusDecodeException e) {
      if (!(frame instanceof MbapFrame)) {
        // Serial replies carry no transaction id: one that does not answer this request (a late reply to an
        // earlier one) is ignored like a foreign unit's, and the response timer keeps running.
        return Verdict.IGNORE;
      }
      throw new ModbusClientException(meterId, "malformed response from unit " + unitId, e);
    }
    if (decoded instanceof ExceptionResponse refused) {
      throw new ModbusExceptionResponseException(unitId, refused);
    }
    response = decoded;
    return Verdict.DONE;
  }

  @Override
  public ModbusResponse result() {
    return response;
  }

  @Override
  public boolean changesDevice() {
    return !readOnly(request);
  }

  @Override
  public MeterException failure(MeterException failure) {
    if (failure instanceof MeterTimeoutException) {
      return new ModbusTimeoutException(meterId, "no response from unit " + unitId + " to function "
          + request.functionCode() + " within " + wire.timeoutMillis + " ms on " + wire.linkName);
    }
    if (failure instanceof LinkException) {
      return new ModbusClientException(meterId, failure.getMessage(), failure);
    }
    return failure;
  }

  /** Requests that change nothing on the server, and so may be repeated after a timeout. */
  private static boolean readOnly(ModbusRequest r) {
    return r instanceof ReadHoldingRegistersRequest
        || r instanceof ReadInputRegistersRequest
        || r instanceof ReadCoilsRequest
        || r instanceof ReadDiscreteInputsRequest
        || r instanceof ReadExceptionStatusRequest
        || r instanceof GetCommEventCounterRequest
        || r instanceof GetCommEventLogRequest
        || r instanceof ReportServerIdRequest
        || r instanceof ReadDeviceIdentificationRequest;
  }
}

package io.emms.modbus.pdu;

/** Whether a response answers a request; the checks a client makes before trusting the data. */
final class ResponseMatch {

  private ResponseMatch() {}

  /** Why {@code response} does not answer {@code request}, or {@code null} if it does. */
  static String mismatch(ModbusRequest request, ModbusResponse response) {
    if (response.functionCode() != request.functionCode()) {
      return "response function " + response.functionCode() + " to request function " + request.functionCode();
    }
    if (response instanceof ExceptionResponse) {
      return null;
    }
    if (request instanceof ReadCoilsRequest q && response instanceof ReadCoilsResponse p) {
      return byteCount(p.bits().readableBytes(), (q.quantity() + 7) >>> 3);
    } else if (request instanceof ReadDiscreteInputsRequest q && response instanceof ReadDiscreteInputsResponse p) {
      return byteCount(p.bits().readableBytes(), (q.quantity() + 7) >>> 3);
    } else if (request instanceof ReadHoldingRegistersRequest q && response instanceof RegisterView p) {
      return byteCount(p.registers().readableBytes(), q.quantity() * 2);
    } else if (request instanceof ReadInputRegistersRequest q && response instanceof RegisterView p) {
      return byteCount(p.registers().readableBytes(), q.quantity() * 2);
    } else if (request instanceof ReadWriteMultipleRegistersRequest q && response instanceof RegisterView p) {
      return byteCount(p.registers().readableBytes(), q.readQuantity() * 2);
    } else if (request instanceof ReadFileRecordRequest q && response instanceof ReadFileRecordResponse p) {
      return fileRecordLengths(q, p);
    }
    return echoMismatch(request, response);
  }

  private static String echoMismatch(ModbusRequest request, ModbusResponse response) {
    boolean echoes;
    if (request instanceof WriteSingleCoilRequest q && response instanceof WriteSingleCoilResponse p) {
      echoes = q.address() == p.address() && q.on() == p.on();
    } else if (request instanceof WriteSingleRegisterRequest q && response instanceof WriteSingleRegisterResponse p) {
      echoes = q.address() == p.address() && q.value() == p.value();
    } else if (request instanceof WriteMultipleCoilsRequest q && response instanceof WriteMultipleCoilsResponse p) {
      echoes = q.address() == p.address() && q.quantity() == p.quantity();
    } else if (request instanceof WriteMultipleRegistersRequest q
        && response instanceof WriteMultipleRegistersResponse p) {
      echoes = q.address() == p.address() && q.quantity() == p.quantity();
    } else if (request instanceof MaskWriteRegisterRequest q && response instanceof MaskWriteRegisterResponse p) {
      echoes = q.address() == p.address() && q.andMask() == p.andMask() && q.orMask() == p.orMask();
    } else if (request instanceof WriteFileRecordRequest q && response instanceof WriteFileRecordResponse p) {
      echoes = q.records().equals(p.records());
    } else if (request instanceof DiagnosticsRequest q && response instanceof DiagnosticsResponse p) {
      echoes = q.subFunction() == p.subFunction();
    } else {
      echoes = true;
    }
    return echoes ? null : "response does not echo the request";
  }

  private static String fileRecordLengths(ReadFileRecordRequest request, ReadFileRecordResponse response) {
    if (request.references().size() != response.records().size()) {
      return response.records().size() + " sub-responses to " + request.references().size() + " sub-requests";
    }
    for (int i = 0; i < response.records().size(); i++) {
      String mismatch = byteCount(
          response.records().get(i).readableBytes(), 2 * request.references().get(i).recordLength());
      if (mismatch != null) {
        return "sub-response " + i + ": " + mismatch;
      }
    }
    return null;
  }

  private static String byteCount(int actual, int expected) {
    return actual == expected ? null : "byte count " + actual + ", expected " + expected;
  }
}

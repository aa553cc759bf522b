package io.emms.modbus.pdu;

/** The public function codes this codec decodes into typed records; any other code decodes to a {@link RawPdu}. */
public enum FunctionCode {
  READ_COILS(0x01),
  READ_DISCRETE_INPUTS(0x02),
  READ_HOLDING_REGISTERS(0x03),
  READ_INPUT_REGISTERS(0x04),
  WRITE_SINGLE_COIL(0x05),
  WRITE_SINGLE_REGISTER(0x06),
  READ_EXCEPTION_STATUS(0x07),
  DIAGNOSTICS(0x08),
  GET_COMM_EVENT_COUNTER(0x0B),
  GET_COMM_EVENT_LOG(0x0C),
  WRITE_MULTIPLE_COILS(0x0F),
  WRITE_MULTIPLE_REGISTERS(0x10),
  REPORT_SERVER_ID(0x11),
  READ_FILE_RECORD(0x14),
  WRITE_FILE_RECORD(0x15),
  MASK_WRITE_REGISTER(0x16),
  READ_WRITE_MULTIPLE_REGISTERS(0x17),
  READ_FIFO_QUEUE(0x18),
  /** Encapsulated interface transport; this codec types MEI 0x0E (read device identification). */
  ENCAPSULATED_INTERFACE_TRANSPORT(0x2B);

  private static final FunctionCode[] BY_CODE = new FunctionCode[128];

  static {
    for (FunctionCode f : values()) {
      BY_CODE[f.code] = f;
    }
  }

  private final int code;

  FunctionCode(int code) {
    this.code = code;
  }

  /** The code on the wire. */
  public int code() {
    return code;
  }

  /** The function with this code, or {@code null} for a code this codec does not type. */
  public static FunctionCode of(int code) {
    return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}

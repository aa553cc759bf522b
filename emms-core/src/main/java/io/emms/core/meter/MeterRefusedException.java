package io.emms.core.meter;

/** The meter answered, but refused the request (an error reply, a Modbus exception response). */
public class MeterRefusedException extends MeterException {

  public MeterRefusedException(String meterId, String message) {
    super(meterId, message);
  }
}

package io.emms.dlt645.catalogue;

/** Whether a data item can be read, written, or both. */
public enum Access {
  READ("R"),
  WRITE("W"),
  READ_WRITE("RW");

  private final String code;

  Access(String code) {
    this.code = code;
  }

  /** The code used in catalogue files: R, W or RW. */
  public String code() {
    return code;
  }

  public boolean readable() {
    return this != WRITE;
  }

  public boolean writable() {
    return this != READ;
  }

  static Access ofCode(String code) {
    for (Access access : values()) {
      if (access.code.equals(code)) {
        return access;
      }
    }
    throw new IllegalArgumentException("access must be R, W or RW, got '" + code + "'");
  }
}

package io.emms.dlt645.codec;

/** The two editions of DL/T 645 in the field. Frames look the same; function codes and identifiers differ. */
public enum Dlt645Edition {
  /** DL/T 645-1997: 2-byte data identifiers. */
  V1997(2),
  /** DL/T 645-2007: 4-byte data identifiers. */
  V2007(4);

  private final int diLength;

  Dlt645Edition(int diLength) {
    this.diLength = diLength;
  }

  /** Bytes of a data identifier on the wire. */
  public int diLength() {
    return diLength;
  }
}

package io.emms.transport.dtu;

import io.emms.core.link.LinkException;
import java.util.Objects;

/** Why a registered DTU's connection ended: what its {@link DtuLink}'s listener and pending requests see. */
public final class DtuDisconnectedException extends LinkException {

  /** What ended the connection. */
  public enum Reason {
    /** The same id registered on a newer connection; the older one was closed ("last connection wins"). */
    REPLACED,
    /** Nothing arrived, not even a heartbeat, within the reader-idle timeout. */
    IDLE,
    /** This side hung up ({@link DtuLink#hangUp()}); the DTU dials in again. */
    HUNG_UP,
    /** The DTU or the network closed the connection. */
    PEER_CLOSED,
    /** A connection error, such as a reset. */
    FAILED
  }

  private final String dtuId;
  private final Reason reason;

  public DtuDisconnectedException(String dtuId, Reason reason, String message, Throwable cause) {
    super("dtu://" + dtuId + ": " + message, cause);
    this.dtuId = Objects.requireNonNull(dtuId, "dtuId");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String dtuId() {
    return dtuId;
  }

  public Reason reason() {
    return reason;
  }
}

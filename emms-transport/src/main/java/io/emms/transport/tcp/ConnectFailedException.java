package io.emms.transport.tcp;

import io.emms.core.link.LinkException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/** A {@link TcpClientLink} could not make its first connection; {@link #reason()} says why. */
public final class ConnectFailedException extends LinkException {

  /** Why a connect failed, as a user would check it: is anything listening, is the host there at all. */
  public enum Reason {
    /** The host answered but nothing listens on the port. */
    REFUSED("connection refused"),
    /** No answer within the connect timeout or the open timeout: a firewall, a wrong address, a host that is off. */
    TIMED_OUT("timed out"),
    /** No route to the host or its network. */
    UNREACHABLE("unreachable"),
    /** The host name does not resolve. */
    UNKNOWN_HOST("unknown host");

    private final String words;

    Reason(String words) {
      this.words = words;
    }

    /** The reason in a few words, as it appears in the message. */
    public String words() {
      return words;
    }

    /** Classifies a connect failure reported by the socket layer; anything else (no route, network down) is unreachable. */
    static Reason of(Throwable cause) {
      if (cause == null || cause instanceof ConnectTimeoutException) {
        return TIMED_OUT;
      }
      if (cause instanceof UnknownHostException) {
        return UNKNOWN_HOST;
      }
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (cause instanceof ConnectException && message.contains("refused")) {
        return REFUSED;
      }
      if (message.contains("timed out")) {
        return TIMED_OUT;
      }
      return UNREACHABLE;
    }
  }

  private final Reason reason;

  ConnectFailedException(String linkName, Reason reason, int attempts, Throwable cause) {
    super(linkName + ": " + reason.words() + (attempts > 1 ? " (" + attempts + " attempts)" : ""), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

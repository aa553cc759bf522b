package io.emms.transport.dtu.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * What a {@link DtuConnectionHandler} asks of the server that accepted it: its framing's matchers (with the
 * contracts of the public {@code RegistrationMatcher} and {@code HeartbeatMatcher}) and what to do on
 * registration, rejection and heartbeats.
 */
public interface ConnectionOwner {

  /** The length of the registration at {@code in}'s reader index, {@code -1} for more bytes, {@code 0} never. */
  int matchRegistration(ByteBuf in);

  /** The id in the matched registration of {@code length} bytes at {@code in}'s reader index. */
  String registrationId(ByteBuf in, int length);

  int maxRegistrationLength();

  /** Whether the DTU repeats its registration at the head of every packet. */
  boolean registrationRepeats();

  /** The length of a heartbeat at {@code index}, {@code -1} for a partial one up to the end, {@code 0} none. */
  int matchHeartbeat(ByteBuf in, int index);

  void heartbeatSeen();

  /** {@code channel} registered as {@code id}; returns the sink for its protocol bytes, or null to close it. */
  ConnectionSink registered(Channel channel, String id);

  /** {@code channel} is being closed before it registered. */
  void rejected(Channel channel, String reason);
}

package io.emms.transport.dtu;

/**
 * Counters of a {@link DtuServer} since it started.
 *
 * @param accepted TCP connections accepted
 * @param registrations successful registrations, reconnects included
 * @param rejected connections closed before registering: garbage, silence past the deadline
 * @param replaced connections closed because their id registered again on a newer one
 * @param idleTimeouts registered connections closed for silence
 * @param heartbeats heartbeats taken out of the streams
 * @param online DTUs registered now
 */
public record DtuServerStats(
    long accepted, long registrations, long rejected, long replaced, long idleTimeouts, long heartbeats,
    int online) {}

/**
 * Dial-in 4G DTUs: {@link io.emms.transport.dtu.DtuServer} accepts them, takes their registration and heartbeats out
 * of the stream (framings from {@link io.emms.transport.dtu.DtuFraming}) and gives each one a
 * {@link io.emms.transport.dtu.DtuLink} found by its id ({@code dtu://ID} through
 * {@link io.emms.transport.dtu.DtuLinkProvider}); {@link io.emms.transport.dtu.DtuClient} plays the DTU side.
 */
package io.emms.transport.dtu;

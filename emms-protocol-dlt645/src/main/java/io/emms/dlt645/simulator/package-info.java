/**
 * A DL/T 645 meter simulator: {@link io.emms.dlt645.simulator.SimulatedMeter} models a three-phase meter (energy
 * per tariff that follows a load profile, noisy instantaneous values, relay, load records, freezes, event logs,
 * passwords, optional security chip) and {@link io.emms.dlt645.simulator.Dlt645Simulator} serves one or many of
 * them as the slave side of any {@link io.emms.core.link.Link}. Driven by a
 * {@link io.emms.dlt645.simulator.SimulationClock} and a seed, a simulation is exactly repeatable.
 */
package io.emms.dlt645.simulator;

package io.emms.bus;

import io.emms.core.meter.MeterException;

/** A line's queue already holds {@link LineConfig#queueCapacity()} transactions: the submit failed at once. */
public class QueueFullException extends MeterException {

  public QueueFullException(String meterId, String message) {
    super(meterId, message);
  }
}

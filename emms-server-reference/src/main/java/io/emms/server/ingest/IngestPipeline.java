package io.emms.server.ingest;

import io.emms.core.reading.Reading;
import io.emms.server.ingest.internal.SpillFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets readings into the database in batches, losing none when the database goes away.
 *
 * <p>Producers {@link #submit} into a bounded queue and are slowed down (back-pressure) when it is full. One
 * writer thread takes up to a batch at a time and writes it with one statement. When a write fails the batch goes
 * to an in-memory backlog, and when that fills, to an append-only {@link SpillFile}; while the database is away
 * the writer keeps emptying the queue into the backlog, so producers keep going. Once a write succeeds again the
 * spill file (older readings) and then the backlog are written before new readings. Writes are idempotent on the
 * reading's primary key, so a batch written twice (e.g. a failure after the commit reached the database) is
 * still stored once. A spill file left by a crash is written at the next start.
 */
public final class IngestPipeline implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final Consumer<List<Reading>> store;
  private final BlockingQueue<Reading> queue;
  private final int batchSize;
  private final int backlogCapacity;
  private final SpillFile spill;
  private final ArrayDeque<Reading> backlog = new ArrayDeque<>();
  private final Thread writer;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong spilled = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  /** Submitted and not yet written for the first time (spilled readings count until the whole file is written). */
  private final AtomicLong outstanding = new AtomicLong();
  private volatile long backlogSize;
  private volatile boolean running = true;

  /**
   * Starts the writer thread.
   *
   * @param store writes one batch in one transaction; throws when it could not
   * @param spillPath the append-only file for readings the database could not take
   * @param queueCapacity readings queued before {@link #submit} blocks
   * @param batchSize readings per write
   * @param backlogCapacity readings held in memory during an outage before they go to the spill file
   */
  public IngestPipeline(Consumer<List<Reading>> store, Path spillPath, int queueCapacity, int batchSize,
      int backlogCapacity) {
    this.store = Objects.requireNonNull(store, "store");
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.batchSize = batchSize;
    this.backlogCapacity = backlogCapacity;
    this.spill = new SpillFile(spillPath);
    outstanding.set(spill.count());
    this.writer = new Thread(this::run, "emms-ingest-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues a reading, waiting while the queue is full. */
  public void submit(Reading reading) throws InterruptedException {
    Objects.requireNonNull(reading, "reading");
    outstanding.incrementAndGet();
    queue.put(reading);
    accepted.incrementAndGet();
  }

  public IngestStats stats() {
    return new IngestStats(accepted.get(), written.get(), spilled.get(), backlogSize, failedWrites.get());
  }

  /**
   * Waits until every reading submitted so far has been written.
   *
   * @return false when that did not happen within {@code timeout}
   */
  public boolean awaitWritten(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (outstanding.get() == 0) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private void run() {
    List<Reading> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        if ((backlogSize > 0 || !spill.isEmpty()) && !catchUp()) {
          moveQueueToBacklog();
          Thread.sleep(RETRY_PAUSE.toMillis());
          continue;
        }
        Reading first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        if (!tryWrite(batch)) {
          toBacklog(batch);
        }
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        // Never let the writer die: a reading the store cannot take at all stays in the backlog.
        log.error("Ingestion writer: unexpected error", e);
        toBacklog(batch);
        batch.clear();
      }
    }
    saveBeforeExit();
  }

  /** Writes the spill file, then the backlog; false when the database is still away. */
  private boolean catchUp() {
    try {
      long[] drained = {0};
      spill.drain(batchSize, b -> {
        store.accept(b);
        written.addAndGet(b.size());
        drained[0] += b.size();
      });
      outstanding.addAndGet(-drained[0]);
    } catch (RuntimeException e) {
      failedWrites.incrementAndGet();
      return false;
    }
    List<Reading> batch = new ArrayList<>(batchSize);
    while (!backlog.isEmpty()) {
      for (int i = 0; i < batchSize && !backlog.isEmpty(); i++) {
        batch.add(backlog.pollFirst());
      }
      if (!tryWrite(batch)) {
        for (int i = batch.size() - 1; i >= 0; i--) {
          backlog.addFirst(batch.get(i));
        }
        backlogSize = backlog.size();
        return false;
      }
      batch.clear();
      backlogSize = backlog.size();
    }
    log.info("Ingestion caught up after a database outage");
    return true;
  }

  private boolean tryWrite(List<Reading> batch) {
    try {
      store.accept(batch);
      written.addAndGet(batch.size());
      outstanding.addAndGet(-batch.size());
      return true;
    } catch (RuntimeException e) {
      if (failedWrites.getAndIncrement() == 0 || backlog.isEmpty()) {
        log.warn("Ingestion: database write failed, buffering ({})", e.getMessage());
      }
      return false;
    }
  }

  private void moveQueueToBacklog() {
    List<Reading> drained = new ArrayList<>();
    queue.drainTo(drained);
    toBacklog(drained);
  }

  private void toBacklog(List<Reading> readings) {
    backlog.addAll(readings);
    if (backlog.size() >= backlogCapacity) {
      spillBacklog();
    }
    backlogSize = backlog.size();
  }

  private void spillBacklog() {
    spill.append(backlog);
    spilled.addAndGet(backlog.size());
    backlog.clear();
    backlogSize = 0;
  }

  /** On close: whatever the database has not taken goes to the spill file, to be written at the next start. */
  private void saveBeforeExit() {
    moveQueueToBacklog();
    if (!backlog.isEmpty() && !catchUp()) {
      spillBacklog();
    }
  }

  /** Stops accepting work, writes what is queued (or spills it), and stops the writer. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    writer.join();
  }
}

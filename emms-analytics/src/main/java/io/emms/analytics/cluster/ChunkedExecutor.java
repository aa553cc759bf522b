package io.emms.analytics.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a pass over {@code n} rows as fixed chunks. The chunk boundaries depend on {@code n} only, never on the
 * thread count, so per-chunk partial results reduced in chunk order are identical for any number of threads.
 */
final class ChunkedExecutor implements AutoCloseable {

  private static final int MIN_CHUNK_ROWS = 1024;
  private static final int MAX_CHUNKS = 64;

  /** One chunk's share of a pass. */
  @FunctionalInterface
  public interface ChunkTask {
    void run(int chunk, int from, int to);
  }

  private final int n;
  private final int chunkRows;
  private final int chunkCount;
  private final int threads;
  private final ExecutorService pool;

  public ChunkedExecutor(int n, int threads) {
    this.n = n;
    this.chunkRows = Math.max(MIN_CHUNK_ROWS, (n + MAX_CHUNKS - 1) / MAX_CHUNKS);
    this.chunkCount = Math.max(1, (n + chunkRows - 1) / chunkRows);
    this.threads = Math.min(threads, chunkCount);
    this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, ChunkedExecutor::daemon) : null;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "emms-kmeans-worker");
    t.setDaemon(true);
    return t;
  }

  public int chunkCount() {
    return chunkCount;
  }

  /** Runs {@code task} once per chunk and returns when all chunks are done. */
  public void run(ChunkTask task) {
    if (pool == null) {
      for (int c = 0; c < chunkCount; c++) {
        runChunk(task, c);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int c = next.getAndIncrement(); c < chunkCount; c = next.getAndIncrement()) {
        runChunk(task, c);
      }
    };
    List<Future<?>> helpers = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      helpers.add(pool.submit(worker));
    }
    RuntimeException failure = null;
    try {
      worker.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : helpers) {
      failure = await(f, failure);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void runChunk(ChunkTask task, int c) {
    int from = c * chunkRows;
    task.run(c, from, Math.min(n, from + chunkRows));
  }

  private static RuntimeException await(Future<?> f, RuntimeException failure) {
    try {
      f.get();
      return failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure != null ? failure : new IllegalStateException("interrupted while clustering", e);
    } catch (ExecutionException e) {
      if (failure != null) {
        return failure;
      }
      return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

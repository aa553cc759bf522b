package io.emms.server.ingest;

/**
 * Counters of the ingestion pipeline since it started.
 *
 * @param accepted readings handed to the pipeline
 * @param written readings committed to the database (a replayed reading counts each time it is written)
 * @param spilled readings appended to the spill file while the database was away
 * @param backlog readings waiting in memory for the database to come back
 * @param failedWrites batches the database refused or could not take
 */
public record IngestStats(long accepted, long written, long spilled, long backlog, long failedWrites) {}

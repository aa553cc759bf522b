package io.emms.server.api;

import io.emms.server.auth.AuthService;
import io.emms.server.auth.FirstAdminSetup;
import io.emms.server.command.CommandService;
import io.emms.server.db.AuditLog;
import io.emms.server.db.CommandStore;
import io.emms.server.db.LineStore;
import io.emms.server.db.MeterStore;
import io.emms.server.db.ReadingStore;
import io.emms.server.db.UserStore;
import io.emms.server.ingest.IngestStats;
import java.util.function.Supplier;

/** What the API serves from. */
public record ApiDependencies(AuthService auth, UserStore users, MeterStore meters, LineStore lines,
    ReadingStore readings,
    CommandService commands, CommandStore commandStore, AuditLog audit, Supplier<IngestStats> ingestStats,
    boolean tls, FirstAdminSetup setup) {}

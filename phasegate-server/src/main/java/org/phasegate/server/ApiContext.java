package org.phasegate.server;

import java.time.Clock;
import org.phasegate.store.Store;

/** What the route handlers share: the store, the scenarios, the configuration and the server's in-memory services. */
record ApiContext(Store store, ScenarioSet scenarios, Datasets datasets, ServerConfig config, Clock clock, Sessions sessions, Gatekeeper gate,
                  Jobs jobs, LoginThrottle throttle, SubmissionQueue submissions,
                  Computations computations) {
}

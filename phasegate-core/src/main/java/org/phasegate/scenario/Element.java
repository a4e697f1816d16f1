package org.phasegate.scenario;

import org.phasegate.problem.Position;

/** Anything in a scenario with an id: all ids share one namespace. */
public interface Element {
    String id();

    Position at();
}

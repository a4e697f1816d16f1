package org.phasegate.bargain;

import java.util.List;
import java.util.Objects;

/**
 * One stakeholder: its capability (clout), and per dimension its position and
 * salience, both on the 0–100 scale as KTAB's input files give them.
 */
public record Actor(String name, String description, double capability, List<Double> position, List<Double> salience) {

    public Actor {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        position = List.copyOf(position);
        salience = List.copyOf(salience);
        if (position.size() != salience.size()) {
            throw new IllegalArgumentException("actor " + name + ": " + position.size() + " positions but "
                    + salience.size() + " saliences");
        }
        if (!(capability > 0)) {
            throw new IllegalArgumentException("actor " + name + ": capability must be positive, was " + capability);
        }
    }

    public int dimensions() {
        return position.size();
    }
}

package org.phasegate.scenario;

import java.time.Duration;
import java.util.List;
import org.phasegate.problem.Position;
import org.phasegate.problem.Valid;

/**
 * A series shown beside the status as context, never a condition: the total of {@code measure} over the {@code window}
 * that ends at the status date, and how far its data goes. It opens no gate, changes no obligation's status and owes
 * nothing to any party: {@code beside} names the obligations it is shown with (e.g. both sides' ceasefire), not whose
 * it is. Its purpose is series that no party's obligation can claim, such as conflict fatalities by all actors.
 * {@code by} names an attribute (e.g. {@code admin2}, the governorate) whose values the window's total is split by.
 */
public record Context(String id, String name, String description, String measure, Duration window, List<String> beside,
                      java.util.Optional<String> by, Position at, Position measureAt, Position besideAt) implements Element {

    public static final Duration DEFAULT_WINDOW = Standing.DEFAULT_WINDOW;

    public Context {
        Valid.idOrMissing(id, "context id");
        Valid.text(name, "context name", Valid.MAX_TEXT);
        Valid.text(description, "context description", Valid.MAX_TEXT);
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the context window must be positive, got " + window);
        beside = List.copyOf(beside);
        by = by == null ? java.util.Optional.empty() : by;
    }
}

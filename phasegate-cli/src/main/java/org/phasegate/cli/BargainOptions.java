package org.phasegate.cli;

import java.util.Map;
import org.phasegate.bargain.BargainParameterOverrides;
import org.phasegate.bargain.Issue;
import org.phasegate.bargain.IssueParseException;
import org.phasegate.bargain.ModelParameters;

/** Applies the command line's seed and parameter overrides to an issue read from a file. */
final class BargainOptions {
    private BargainOptions() {
    }

    static Issue apply(Issue issue, Map<String, String> params, String seed, boolean stochastic, String file)
            throws IssueParseException {
        Issue result = issue;
        if (!params.isEmpty()) {
            result = result.withParameters(BargainParameterOverrides.apply(result.parameters(), params, "command line"));
        }
        if (stochastic) {
            result = result.withParameters(result.parameters().withStateTransitions(ModelParameters.StateTransitions.STOCHASTIC));
        }
        if (seed != null) {
            try {
                result = result.withSeed(Long.parseUnsignedLong(seed.trim()));
            } catch (NumberFormatException e) {
                throw new IssueParseException("command line", 0, "--seed '" + seed + "' is not a whole number from 0 to 18446744073709551615");
            }
        }
        return result;
    }
}

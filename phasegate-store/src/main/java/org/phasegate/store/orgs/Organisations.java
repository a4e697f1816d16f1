package org.phasegate.store.orgs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.phasegate.evidence.OrgName;
import org.phasegate.evidence.Role;
import org.phasegate.store.StoreException;
import org.phasegate.store.Text;
import org.phasegate.store.Tx;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/**
 * Organisations as registered entities: added by an admin ({@code org.add}), each with an id (the number of the entry
 * that registered it) and compared by {@link OrgName#normalise}, so "UNOPS " and "unops" are one organisation and
 * their monitors' attestations count once.
 */
public final class Organisations {
    private final DataSource ds;
    private final Clock clock;
    private final int checkpointEvery;

    public Organisations(DataSource ds, Clock clock, int checkpointEvery) {
        this.ds = ds;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    public record Organisation(long id, String name) {
    }

    public Organisation add(Actor by, String name) {
        if (by.role() != Role.ADMIN) throw new StoreException(by.name() + " is not an admin; only admins register organisations");
        var display = checkedName(name);
        return Tx.run(ds, c -> {
            var appender = Appender.begin(c, checkpointEvery);
            var existing = find(c, display);
            if (existing.isPresent()) {
                throw new StoreException("organisation '" + existing.get().name() + "' (id " + existing.get().id() + ") is already registered"
                        + (existing.get().name().equals(display) ? "" : "; '" + display + "' is the same name"));
            }
            long seq = appender.append(Kinds.ORG_ADD, by, Canonical.object().put("name", display), clock.instant());
            appender.flush();
            return new Organisation(seq, display);
        });
    }

    public List<Organisation> list() {
        return Tx.run(ds, c -> {
            var out = new ArrayList<Organisation>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT id, name FROM organisation ORDER BY id")) {
                while (rs.next()) out.add(new Organisation(rs.getLong(1), rs.getString(2)));
            }
            return out;
        });
    }

    /** The registered organisation this name means, if any. */
    public static Optional<Organisation> find(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, name FROM organisation WHERE norm = ?")) {
            ps.setString(1, OrgName.normalise(name));
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Organisation(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** A name fit to register: at most 200 characters, no control characters; whitespace collapsed. */
    public static String checkedName(String name) {
        return Text.check("organisation name", OrgName.display(Text.check("organisation name", name, 1000, false)), 200, false);
    }
}

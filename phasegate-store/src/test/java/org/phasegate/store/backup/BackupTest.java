package org.phasegate.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.PASSWORD;
import static org.phasegate.store.Fixtures.incident;
import static org.phasegate.store.Fixtures.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Workflow;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.DataKey;

/** A backup restores into a working store: same ledger, users act again, sealed parts open; damage is refused. */
class BackupTest {
    private static Store source;
    private static byte[] backup;
    private static String pseudonym;

    @BeforeAll
    static void start() throws Exception {
        source = Fixtures.storeWithCast();
        var mona = Fixtures.as(source, "mona");
        source.records().add(mona, parse(incident("b-1", ",\"confidentiality\":\"confidential\",\"confidential\":{\"serials\":[\"AK-9\"]}")));
        source.records().attest(Fixtures.as(source, "nina"), "b-1");
        pseudonym = source.registry().enrol(mona, "GZ-5", List.of());
        assertThatThrownBy(() -> source.users().actor("ana", "a wrong password")).isInstanceOf(StoreException.class);
        var out = new ByteArrayOutputStream();
        var summary = Backup.write(source, Fixtures.KEY, out);
        assertThat(summary.entries()).isEqualTo(source.ledger().size());
        assertThat(summary.rows()).isEqualTo(7 + 1 + 1);   // seven signing keys, one sealed part, one failed sign-in
        backup = out.toByteArray();
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void a_backup_is_encrypted_and_restores_into_a_store_where_users_act_again() {
        var text = new String(backup, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("AK-9", "record.add", "mona", "$argon2id$");
        try (var copy = Fixtures.store()) {
            var summary = Backup.restore(copy, Fixtures.KEY, () -> new ByteArrayInputStream(backup));
            assertThat(summary.entries()).isEqualTo(source.ledger().size());
            assertThat(copy.ledger().verify().ok()).isTrue();
            assertThat(copy.users().list()).isEqualTo(source.users().list());
            assertThat(copy.users().failedSignIns("ana")).isEqualTo(1);
            var bea = copy.users().actor("bea", PASSWORD);
            assertThat(copy.records().disclose(bea, "b-1", "restore check").json()).isEqualTo("{\"serials\":[\"AK-9\"]}");
            assertThat(copy.registry().pseudonym("GZ-5")).isEqualTo(pseudonym);
            copy.records().add(copy.users().actor("omar", PASSWORD), parse(incident("b-2", "")));
            copy.records().attest(copy.users().actor("mona", PASSWORD), "b-2");
            copy.records().attest(copy.users().actor("nina", PASSWORD), "b-2");
            assertThat(copy.records().state("b-2")).isEqualTo(Workflow.State.VERIFIED);
            assertThat(copy.ledger().verify().ok()).isTrue();
        }
    }

    @Test
    void a_damaged_truncated_or_foreign_backup_is_refused_and_nothing_is_written() {
        var flipped = backup.clone();
        flipped[flipped.length / 2] ^= 1;
        var cut = Arrays.copyOf(backup, backup.length - 40);
        var otherKey = new DataKey(new byte[32]);
        try (var copy = Fixtures.store()) {
            assertThatThrownBy(() -> Backup.restore(copy, Fixtures.KEY, () -> new ByteArrayInputStream(flipped)))
                    .hasMessageContaining("was altered");
            assertThatThrownBy(() -> Backup.restore(copy, Fixtures.KEY, () -> new ByteArrayInputStream(cut)))
                    .hasMessageContaining("cut short");
            assertThatThrownBy(() -> Backup.restore(copy, otherKey, () -> new ByteArrayInputStream(backup)))
                    .hasMessageContaining("does not open with this data key");
            assertThatThrownBy(() -> Backup.restore(copy, Fixtures.KEY, () -> new ByteArrayInputStream("not a backup".getBytes(StandardCharsets.UTF_8))))
                    .hasMessageContaining("not a phasegate backup");
            assertThat(copy.ledger().size()).isZero();
            assertThat(copy.users().list()).isEmpty();
        }
    }
}

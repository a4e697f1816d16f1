package org.phasegate.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyFileTest {

    @Test
    void a_new_key_file_is_owner_only_and_opens_what_it_sealed_after_a_reload(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/data.key");
        var created = DataKey.fromFile(file, true);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var sealed = created.seal("inventory".getBytes(StandardCharsets.UTF_8), new byte[0]);
        var reloaded = DataKey.fromFile(file, false);
        assertThat(new String(reloaded.open(sealed, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("inventory");
    }
}

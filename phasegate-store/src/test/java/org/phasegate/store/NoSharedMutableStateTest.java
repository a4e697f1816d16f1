package org.phasegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.store.ledger.Entry;

/**
 * Issue 11, finding 12: the store had a public shared ObjectMapper (whose reconfiguration changes every hash) and a
 * public byte[]. No class of the store may expose a static field that can be changed from outside.
 */
class NoSharedMutableStateTest {
    @Test
    void no_store_class_has_a_public_static_field_of_a_mutable_type() throws Exception {
        var offenders = new ArrayList<String>();
        for (Class<?> c : storeClasses()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || !Modifier.isPublic(m) || f.isSynthetic()) continue;
                var type = f.getType();
                boolean immutable = Modifier.isFinal(m) && (type.isPrimitive() || type == String.class || type.isEnum()
                        || type.getName().startsWith("java.time.") || type == java.util.Set.class || type == java.util.List.class
                        || type == java.util.Map.class || type.isRecord() || type.getName().startsWith("org.phasegate.scenario."));
                if (!immutable) offenders.add(c.getName() + "." + f.getName() + " : " + type.getSimpleName());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void the_genesis_hash_cannot_be_changed_by_a_caller() {
        var first = Entry.genesis();
        first[0] = 7;
        assertThat(Entry.genesis()).containsOnly((byte) 0).hasSize(32);
    }

    private static List<Class<?>> storeClasses() throws Exception {
        var root = Path.of(Entry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var out = new ArrayList<Class<?>>();
        try (var files = Files.walk(root)) {
            for (var p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                var name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith("org.phasegate.store")) out.add(Class.forName(name, false, Entry.class.getClassLoader()));
            }
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out;
    }
}

package org.phasegate.durability;

import java.nio.file.Path;
import org.phasegate.TestFiles;

/** The UCDP Peace Agreement Dataset file in ../shared/data, read where it lies (never copied into the repository). */
final class Ucdp {
    static final Path FILE = TestFiles.sharedData().resolve("agreements/ucdp-pad-1975-2004.csv");

    private Ucdp() {
    }

    static AgreementData read() {
        return new AgreementReader().read(FILE);
    }
}

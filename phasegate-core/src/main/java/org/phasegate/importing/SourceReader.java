package org.phasegate.importing;

import java.io.InputStream;

/**
 * Reads one source format: tells the sink its dataset, then sends each row mapped or rejected, in file order. A
 * problem with the file as a whole (not the format, truncated JSON, a missing required column) is thrown as
 * {@link org.phasegate.problem.InvalidInputException} at its location; a bad row is a {@link Rejection}.
 */
public interface SourceReader {
    void read(String file, InputStream in, RowSink sink);
}

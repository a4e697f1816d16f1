package org.phasegate.importing;

import java.util.function.UnaryOperator;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/** A sink that passes rows on as they come, and the reader's dataset and rejections as {@code dataset} and {@code rejection} change them. */
public record ChangedSink(RowSink sink, UnaryOperator<Dataset> dataset, UnaryOperator<Rejection> rejection) implements RowSink {
    private static final String ID = "[a-z0-9][a-z0-9-]{0,99}";

    /**
     * {@code reader} with its dataset's id replaced by {@code id}: a GeoJSON file's dataset is named after the file, so
     * a renamed or moved copy would be another dataset; the same id keeps it one (re-importing adds nothing).
     */
    public static SourceReader named(SourceReader reader, String id) {
        if (!id.matches(ID)) {
            throw new InvalidInputException(new Problem("--dataset", 0, 0, Quote.of(id) + " is not a dataset id",
                    "use a-z, 0-9 and -, starting with a letter or digit, at most 100 characters, e.g. geojson-ocha-admin2"));
        }
        return (file, in, sink) -> reader.read(file, in, ofDataset(sink, d -> new Dataset(id, d.kind(), d.title(), d.licence(), d.attribution(), d.sourceUrl())));
    }

    static ChangedSink ofDataset(RowSink sink, UnaryOperator<Dataset> dataset) {
        return new ChangedSink(sink, dataset, UnaryOperator.identity());
    }

    static ChangedSink ofRejections(RowSink sink, UnaryOperator<Rejection> rejection) {
        return new ChangedSink(sink, UnaryOperator.identity(), rejection);
    }

    @Override
    public void begin(Dataset d) {
        sink.begin(dataset.apply(d));
    }

    @Override
    public void row(ImportedRow row) {
        sink.row(row);
    }

    @Override
    public void rejected(Rejection r) {
        sink.rejected(rejection.apply(r));
    }
}

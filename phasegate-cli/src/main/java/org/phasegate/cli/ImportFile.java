package org.phasegate.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.phasegate.importing.CsvMapping;
import org.phasegate.importing.CsvMappingReader;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.ChangedSink;
import org.phasegate.importing.Importers;
import org.phasegate.importing.Provenance;
import org.phasegate.importing.SourceReader;
import org.phasegate.store.StoreException;

/** The file an import reads: checked to exist, its SHA-256, its reader, and its bytes (with a progress bar on stderr, by bytes read). */
record ImportFile(ImportKind kind, Path path, SourceReader reader, String sha256) {

    static ImportFile of(String kindName, Path file, Path mapping, Provenance given, Optional<String> dataset) {
        var kind = ImportKind.fromWire(kindName).orElseThrow(() -> new StoreException("KIND '" + kindName + "' is not one of "
                + String.join(", ", ImportKind.wireNames()) + " (see: phasegate import --help)"));
        if (Files.isDirectory(file)) throw new StoreException(file + " is a directory: give one file in it to import (phasegate import KIND FILE)");
        if (!Files.isRegularFile(file)) throw new StoreException("no file " + file + " to import");
        if (kind == ImportKind.CSV && mapping == null) throw new StoreException("import csv needs --mapping FILE: which columns mean what (docs/importing.md)");
        if (kind != ImportKind.CSV && mapping != null) throw new StoreException("--mapping is for import csv only; " + kindName + " has its own columns");
        if (kind != ImportKind.GEOJSON && dataset.isPresent()) {
            throw new StoreException("--dataset is for import geojson only; " + kindName + (kind == ImportKind.CSV ? "'s dataset is the mapping's 'dataset'" : " names its own dataset"));
        }
        Optional<CsvMapping> m = mapping == null ? Optional.empty() : Optional.of(new CsvMappingReader().load(mapping));
        var reader = Importers.reader(kind, file, m);
        if (dataset.isPresent()) reader = ChangedSink.named(reader, dataset.get());
        return new ImportFile(kind, file, given.over(reader), sha256(file));
    }

    static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            var md = MessageDigest.getInstance("SHA-256");
            var buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bytes, with a progress bar by bytes read on {@code err} (the command's error stream) unless {@code quiet}: redrawn
     * over itself at most four times a second, and drawn a last time, then ended with a line break, when the reader closes
     * the file (100% when it read the whole file), however often it is closed. kB for files under 10 MB, whose MB would read 0/0.
     */
    InputStream open(boolean quiet, PrintWriter err) throws IOException {
        var in = Files.newInputStream(path);
        if (quiet) return in;
        long size = Files.size(path);
        var builder = new ProgressBarBuilder().setTaskName("import " + kind.wireName()).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setConsumer(new Line(err));
        builder = size < 10L << 20 ? builder.setUnit(" kB", 1 << 10) : builder.setUnit(" MB", 1 << 20);
        return new ClosedOnce(ProgressBar.wrap(in, builder.setInitialMax(size)));
    }

    /** The JSON readers' parser closes the stream and so does the caller: the bar's last draw and line break must come once. */
    private static final class ClosedOnce extends FilterInputStream {
        private boolean closed;

        ClosedOnce(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            in.close();
        }
    }

    /**
     * The bar drawn over itself ({@code \r}) on the command's error stream, 80 columns (no terminal probe), and a line
     * break at the end. The library's scheduled redraw can still be running when the bar is closed; a draw that comes
     * after the line break is dropped, so the final bar stays the last line.
     */
    private static final class Line implements ProgressBarConsumer {
        private final PrintWriter err;
        private boolean closed;

        Line(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return 80;
        }

        @Override
        public synchronized void accept(String rendered) {
            if (closed) return;
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            err.println();
            err.flush();
        }
    }
}

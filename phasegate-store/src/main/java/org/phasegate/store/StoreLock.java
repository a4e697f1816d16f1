package org.phasegate.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One command at a time on a data directory: an OS file lock on {@code phasegate.lock}, which the OS releases when
 * the process ends however it ends (kill -9 included), so a lock never outlives its holder. A second command waits
 * a bounded time, saying so once, then says plainly that another command holds the store.
 */
final class StoreLock implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path dir, Duration wait, Consumer<String> say) {
        var file = dir.resolve("phasegate.lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreUnavailable("cannot open the lock file " + file + ": " + e.getMessage() + " (may you write to " + dir + "?)", e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        try {
            while (true) {
                var lock = tryLock(channel);
                if (lock != null) return new StoreLock(channel, lock);
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new StoreUnavailable("another phasegate command is using the store in " + dir + " (waited " + wait.toSeconds()
                            + " s); try again when it has finished");
                }
                if (!told) say.accept("phasegate: another command is using the store in " + dir + "; waiting up to " + wait.toSeconds() + " s");
                told = true;
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            throw new StoreUnavailable("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for the store in " + dir);
        }
    }

    /** Null when another process, or another store in this process, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    @Override
    public void close() {
        if (!channel.isOpen()) return;   // closed already (a store and its database both close it)
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreUnavailable("cannot release the store lock: " + e.getMessage(), e);
        }
    }
}

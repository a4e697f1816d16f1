package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** When {@link Main#main} may simply return on success, and when it must call System.exit to end the JVM. */
class MainExitTest {
    @Test
    void aLiveThreadThatIsNotADaemonKeepsTheJvmAliveADaemonDoesNot() throws InterruptedException {
        boolean before = Main.otherThreadsKeepTheJvmAlive();   // whatever the test runner's own threads are
        var release = new CountDownLatch(1);
        var daemon = new Thread(() -> await(release));
        daemon.setDaemon(true);
        daemon.start();
        boolean withDaemon = Main.otherThreadsKeepTheJvmAlive();
        var worker = new Thread(() -> await(release));
        worker.start();
        boolean withWorker = Main.otherThreadsKeepTheJvmAlive();
        release.countDown();
        worker.join();
        daemon.join();

        assertThat(withWorker).isTrue();
        assertThat(withDaemon).as("a daemon changes nothing").isEqualTo(before);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

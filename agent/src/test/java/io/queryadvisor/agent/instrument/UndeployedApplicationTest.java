package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.QueryAdvisor;

/**
 * An application undeployed from a server that keeps running: once it is dropped, nothing of the
 * agent's (capture's caches, the advisor's statistics and findings, the driver connections the
 * probe remembers) keeps its class loader alive.
 */
class UndeployedApplicationTest {

    private static final String APPLICATION = "com.example.undeploy.";
    private static final int MAX_COLLECTIONS = 50;

    @Test
    void aDroppedApplicationsClassLoaderIsCollected() throws Exception {
        ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
        // The database is the server's, open before the application comes: H2 made by the
        // application would keep state made with its frames on the stack.
        try (Connection database = DriverManager.getConnection("jdbc:h2:mem:undeploy");
             QueryAdvisor queryAdvisor = QueryAdvisor.start(Settings.empty())) {
            ConnectionWrapping.install(new Capture(queryAdvisor.advisor().buffer(), CaptureConfig.defaults()));
            try {
                WeakReference<ClassLoader> loader = deployRunAndDrop(queryAdvisor::capture, collected);

                assertThat(collectedWithin(collected, loader)).as("the application's class loader was collected")
                        .isTrue();
            } finally {
                ConnectionWrapping.install(null);
            }
        }
    }

    /** Loads the application in a loader of its own, runs it, and keeps nothing of it but a weak reference. */
    private static WeakReference<ClassLoader> deployRunAndDrop(UnaryOperator<DataSource> capturing,
                                                               ReferenceQueue<ClassLoader> collected) throws Exception {
        ClassLoader loader = new ChildFirstLoader(new URL[0], UndeployedApplicationTest.class.getClassLoader(),
                name -> name.startsWith(APPLICATION));
        @SuppressWarnings("unchecked")
        Callable<Integer> application = (Callable<Integer>) loader.loadClass(APPLICATION + "UndeployableApp")
                .getConstructor(UnaryOperator.class).newInstance(capturing);
        assertThat(application.getClass().getClassLoader()).isSameAs(loader);
        assertThat(application.call()).as("rows read on captured connections").isEqualTo(80);
        return new WeakReference<>(loader, collected);
    }

    /** Bounded: a collection is asked for and the reference queue polled, at most {@value #MAX_COLLECTIONS} times. */
    private static boolean collectedWithin(ReferenceQueue<ClassLoader> collected, WeakReference<ClassLoader> loader)
            throws InterruptedException {
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            if (collected.remove(100) == loader) {
                return true;
            }
        }
        return loader.refersTo(null);
    }
}

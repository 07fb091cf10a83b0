package io.queryadvisor.agent.instrument;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.queryadvisor.advisor.config.Settings;
import io.queryadvisor.capture.Capture;
import io.queryadvisor.capture.CaptureConfig;
import io.queryadvisor.capture.QueryAdvisor;

/**
 * Run in a child JVM by {@link UndeployedApplicationTest}: an application undeployed from a server
 * that keeps running. Prints {@code rows=N} (rows read on captured connections) and
 * {@code collected=true|false} (whether its class loader was collected once dropped).
 */
public final class UndeployedApplication {

    private static final String APPLICATION = "com.example.undeploy.";
    private static final int MAX_COLLECTIONS = 50;

    private UndeployedApplication() {
    }

    public static void main(String[] args) throws Exception {
        ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
        // The database is the server's, open before the application comes: H2 made by the
        // application would keep state made with its frames on the stack.
        try (Connection database = DriverManager.getConnection("jdbc:h2:mem:undeploy");
             QueryAdvisor queryAdvisor = QueryAdvisor.start(Settings.empty())) {
            ConnectionWrapping.install(new Capture(queryAdvisor.advisor().buffer(), CaptureConfig.defaults()));
            try {
                WeakReference<ClassLoader> loader = deployRunAndDrop(queryAdvisor::capture, collected);

                System.out.println("collected=" + collectedWithin(collected, loader));
            } finally {
                ConnectionWrapping.install(null);
            }
        }
    }

    /** Loads the application in a loader of its own, runs it, and keeps nothing of it but a weak reference. */
    private static WeakReference<ClassLoader> deployRunAndDrop(UnaryOperator<DataSource> capturing,
                                                               ReferenceQueue<ClassLoader> collected) throws Exception {
        ClassLoader loader = new ChildFirstLoader(new URL[0], UndeployedApplication.class.getClassLoader(),
                name -> name.startsWith(APPLICATION));
        @SuppressWarnings("unchecked")
        Callable<Integer> application = (Callable<Integer>) loader.loadClass(APPLICATION + "UndeployableApp")
                .getConstructor(UnaryOperator.class).newInstance(capturing);
        boolean ownLoader = application.getClass().getClassLoader() == loader;
        System.out.println("rows=" + application.call() + " own-loader=" + ownLoader);
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

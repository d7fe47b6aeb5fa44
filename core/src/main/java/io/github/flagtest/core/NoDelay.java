package io.github.flagtest.core;

/**
 * Turns on TCP_NODELAY for the JDK's HTTP server: without it each request/response round trip waits
 * ~40 ms (Nagle + delayed ACK). The JDK reads {@value #PROPERTY} once, when its server
 * configuration class initialises; this sets the property for that moment only and restores it.
 * Every flagtest class that starts a JDK HTTP server calls {@link #enable()} first. Internal to
 * flagtest (public for its E2E module); not API.
 */
public final class NoDelay {

    static final String PROPERTY = "sun.net.httpserver.nodelay";

    private NoDelay() {}

    /** Turns TCP_NODELAY on for this JVM's JDK HTTP servers, unless the user set the property. */
    public static synchronized void enable() {
        String previous = System.getProperty(PROPERTY);
        if (previous != null) {
            return; // the user decided
        }
        System.setProperty(PROPERTY, "true");
        try {
            Class.forName("sun.net.httpserver.ServerConfig", true, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // another JDK: it keeps its own default, which is only slower
        } finally {
            System.clearProperty(PROPERTY);
        }
    }
}

package io.muster.importers.aws;

/** Lets tests outside this package start the package-private stand-in. */
public final class IncidentManagerStandInAccess {

    private IncidentManagerStandInAccess() {
    }

    public static AutoCloseable start(String resource) {
        return new IncidentManagerStandIn(resource);
    }

    public static String endpoint(AutoCloseable standIn) {
        return ((IncidentManagerStandIn) standIn).endpoint().toString();
    }
}

package io.muster.platform.messaging;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.transaction.xa.XAException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Why handling a record failed, which decides how long it is retried. A transient failure means something the
 * handler needs is away (the database or the broker unreachable, a lock or serialization conflict): retrying it is
 * always right and giving up would drop an event. Anything else is unexpected (a bug, or data the handler cannot
 * take) and is retried only a few times before the record is dead-lettered, so one record cannot stall its partition.
 */
public enum FailureKind {
    TRANSIENT,
    UNEXPECTED;

    /**
     * Hibernate and Jakarta Persistence exceptions for a lost connection or a lock not obtained, by name: the platform
     * does not depend on an ORM, and their SQL cause (classified below) is not always attached.
     */
    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException");

    /** Classifies a failure by every exception in its cause chain: one transient cause makes it transient. */
    public static FailureKind of(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isTransient(t)) {
                return TRANSIENT;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (seen.add(suppressed) && isTransient(suppressed)) {
                    return TRANSIENT;
                }
            }
        }
        return UNEXPECTED;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException || t instanceof HttpTimeoutException
                || t instanceof TimeoutException || t instanceof RetriableException || t instanceof XAException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (TRANSIENT_CLASS_NAMES.contains(t.getClass().getName())) {
            return true;
        }
        if (t instanceof SQLException sql) {
            // Agroal reports an exhausted pool (the database slow or away) as a plain SQLException.
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            return transientSqlState(sql.getSQLState()) || message.contains("acquisition timeout");
        }
        return false;
    }

    /** PostgreSQL's SQLSTATEs for "not now": the statement may well succeed when tried again. */
    static boolean transientSqlState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources: too many connections, out of memory, disk full
                || state.equals("40001") // serialization failure
                || state.equals("40P01") // deadlock detected
                || state.equals("55P03") // lock not available (lock_timeout)
                || state.equals("57014") // statement cancelled (statement_timeout: the database too slow right now)
                || state.equals("57P01") // admin shutdown
                || state.equals("57P02") // crash shutdown
                || state.equals("57P03"); // cannot connect now (starting up)
    }
}

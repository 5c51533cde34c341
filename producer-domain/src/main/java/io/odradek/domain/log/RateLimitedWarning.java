package io.odradek.domain.log;

/**
 * One kind of problem that may happen many times in a burst (batches expiring while a broker is down): the first
 * occurrence is logged at WARN at once, later ones within {@code intervalNs} are only counted, and the next WARN
 * after the interval says how many there were in between. So an operator sees the problem at once and its extent,
 * not a line per batch. Single-threaded (the I/O thread).
 */
public final class RateLimitedWarning {
    private final ProducerLog log;
    private final long intervalNs;
    private long lastLoggedNs;
    private boolean loggedOnce;
    private int suppressed;

    public RateLimitedWarning(ProducerLog log, long intervalNs) {
        this.log = log;
        this.intervalNs = intervalNs;
    }

    /** Logs {@code message} (slf4j format) at WARN unless one was logged less than the interval ago. */
    public void warn(long nowNs, String format, Object... arguments) {
        if (loggedOnce && nowNs - lastLoggedNs < intervalNs) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            log.warn(format + " ({} more like this since the last such warning)", append(arguments, suppressed));
        } else {
            log.warn(format, arguments);
        }
        loggedOnce = true;
        lastLoggedNs = nowNs;
        suppressed = 0;
    }

    private static Object[] append(Object[] arguments, Object last) {
        Object[] all = new Object[arguments.length + 1];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = last;
        return all;
    }
}

package se.stegvis.letter;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J, under its own logger names ({@code com.openhtmltopdf.load}, …), so that the
 * application's log levels apply to it ({@code logging.level.com.openhtmltopdf: warn}). Its default writes every INFO
 * line to standard error whatever the configuration: five lines per letter, a thousand letters a month each, and the
 * formatting of each line was paid before it was thrown away (issue #14).
 */
final class PdfLayoutLog implements XRLogger {

    private PdfLayoutLog() {}

    /** Installs the adapter once for the JVM (openhtmltopdf's logger is static). */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLayoutLog)) {
            XRLog.setLoggerImpl(new PdfLayoutLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else if (value >= Level.INFO.intValue()) {
            logger.info(message, error);
        } else if (value >= Level.FINE.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    /** Levels are the logging system's; openhtmltopdf's own setting is ignored. */
    @Override
    public void setLevel(String where, Level level) {}

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        if (value >= Level.SEVERE.intValue()) {
            return logger.isErrorEnabled();
        } else if (value >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        } else if (value >= Level.INFO.intValue()) {
            return logger.isInfoEnabled();
        } else if (value >= Level.FINE.intValue()) {
            return logger.isDebugEnabled();
        }
        return logger.isTraceEnabled();
    }
}

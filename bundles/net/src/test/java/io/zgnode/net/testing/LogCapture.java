package io.zgnode.net.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what the network logs (System.Logger goes to java.util.logging by default). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("io.zgnode.net");
    public final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        logger.addHandler(this);
    }

    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    public List<String> messages(Level atLeast) {
        return records.stream().filter(r -> r.getLevel().intValue() >= atLeast.intValue()).map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

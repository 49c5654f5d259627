package io.zgnode.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A progress bar for long operations (uploads, waits), redrawn in place on stderr, and only when
 * stderr is a terminal: piped or redirected, it prints nothing, so logs and scripts stay clean.
 * {@link #close()} draws the final state and ends the line. Safe to advance from several threads.
 *
 * <pre>{@code
 * try (Progress progress = Progress.start("uploading", size, Progress.Unit.BYTES)) {
 *     ... progress.advance(chunk.length); ...
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {

    /** What is counted. */
    public enum Unit {
        /** shown as B, KiB, MiB, GiB */
        BYTES,
        /** shown as plain numbers */
        ITEMS
    }

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String label;
    private final long total;
    private final Unit unit;
    private final PrintStream err;
    private final boolean shown;
    private final LongSupplier nanoClock;
    private final boolean showRate;
    private final long startedNanos;

    private long done;
    private long lastDrawn = Long.MIN_VALUE;
    private int lastWidth;
    private boolean closed;

    /**
     * @param total the amount that means done; 0 or less when unknown (then no bar, only the count)
     * @param shown whether to draw at all
     */
    public Progress(String label, long total, Unit unit, PrintStream err, boolean shown, LongSupplier nanoClock) {
        this(label, total, unit, err, shown, nanoClock, false);
    }

    /** @param showRate append the average rate since the start, in MB/s (10^6 bytes; for {@link Unit#BYTES}) */
    public Progress(String label, long total, Unit unit, PrintStream err, boolean shown, LongSupplier nanoClock, boolean showRate) {
        this.label = Objects.requireNonNull(label, "label");
        this.total = total;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.err = Objects.requireNonNull(err, "err");
        this.shown = shown;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.showRate = showRate && unit == Unit.BYTES;
        this.startedNanos = nanoClock.getAsLong();
    }

    /** A progress bar on stderr, drawn only when stderr is a terminal. */
    public static Progress start(String label, long total, Unit unit) {
        return started(new Progress(label, total, unit, System.err, stderrIsTerminal(), System::nanoTime));
    }

    /** A bar of bytes on stderr with the rate in MB/s (transfers), drawn only when stderr is a terminal. */
    public static Progress startWithRate(String label, long totalBytes) {
        return started(new Progress(label, totalBytes, Unit.BYTES, System.err, stderrIsTerminal(), System::nanoTime, true));
    }

    private static Progress started(Progress progress) {
        progress.draw(true);
        return progress;
    }

    /** Adds {@code amount} to what is done. */
    public synchronized void advance(long amount) {
        update(done + amount);
    }

    /** Sets what is done. */
    public synchronized void update(long newDone) {
        if (closed) {
            return;
        }
        done = Math.max(0, newDone);
        draw(false);
    }

    public synchronized long done() {
        return done;
    }

    /** Draws the final state and ends the line (when shown). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (shown) {
            draw(true);
            err.println();
            err.flush();
        }
    }

    private void draw(boolean always) {
        if (!shown) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!always && lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS && (total <= 0 || done < total)) {
            return;
        }
        lastDrawn = now;
        String line = render();
        int padding = Math.max(0, lastWidth - line.length());
        lastWidth = line.length();
        err.print("\r" + line + " ".repeat(padding));
        err.flush();
    }

    /**
     * The line as it is drawn, e.g. "uploading [#########.....................]  30%  3.0 MiB / 10.0 MiB",
     * with the rate after it, "  12.5 MB/s", when asked for and time has passed.
     */
    synchronized String render() {
        if (total <= 0) {
            return label + "  " + amount(done) + rate();
        }
        long shownDone = Math.min(done, total);
        int filled = (int) (BAR_WIDTH * (double) shownDone / total);
        int percent = (int) (100 * (double) shownDone / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", percent) + "  " + amount(shownDone) + " / " + amount(total) + rate();
    }

    private String rate() {
        long elapsed = nanoClock.getAsLong() - startedNanos;
        if (!showRate || elapsed <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "  %.1f MB/s", done * 1e3 / elapsed);
    }

    private String amount(long value) {
        if (unit == Unit.ITEMS) {
            return Long.toString(value);
        }
        if (value < 1024) {
            return value + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double scaled = value;
        int index = -1;
        while (scaled >= 1024 && index < units.length - 1) {
            scaled /= 1024;
            index++;
        }
        return String.format(Locale.ROOT, "%.1f %s", scaled, units[index]);
    }

    /**
     * Whether stderr is a terminal. Java has no isatty: on Linux /proc tells where file descriptor 2
     * goes; elsewhere a console (stdin and stdout on a terminal) is taken as the sign.
     */
    public static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException ignored) {
            // fall through
        }
        return System.console() != null;
    }
}

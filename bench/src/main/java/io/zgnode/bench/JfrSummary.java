package io.zgnode.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording says the CPU went: execution samples counted by their top frame (the
 * method running), by the nearest zgnode frame (who asked for that work), and by thread; plus the
 * GC pauses. Samples only count threads running Java code: a thread waiting in fsync or on a
 * socket is not in them.
 */
final class JfrSummary {

    private static final int TOP = 12;

    private final List<RecordedEvent> samples;
    private final long gcCount;
    private final Duration gcPauses;
    private final List<RecordedEvent> compilations;
    private final List<RecordedEvent> deoptimizations;

    private JfrSummary(List<RecordedEvent> events) {
        this.samples = events.stream().filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample")).toList();
        List<RecordedEvent> gcs = events.stream().filter(event -> event.getEventType().getName().equals("jdk.GarbageCollection")).toList();
        this.gcCount = gcs.size();
        this.gcPauses = gcs.stream().map(event -> event.getDuration("sumOfPauses")).reduce(Duration.ZERO, Duration::plus);
        this.compilations = events.stream().filter(event -> event.getEventType().getName().equals("jdk.Compilation")).toList();
        this.deoptimizations = events.stream().filter(event -> event.getEventType().getName().equals("jdk.Deoptimization")).toList();
    }

    /** The events of {@code recording} that started within {@code [from, to)}. */
    static JfrSummary read(Path recording, Instant from, Instant to) throws IOException {
        return new JfrSummary(RecordingFile.readAllEvents(recording).stream()
                .filter(event -> !event.getStartTime().isBefore(from) && event.getStartTime().isBefore(to)).toList());
    }

    void print(String title) {
        System.out.printf("  %s: %d execution samples, %d GCs pausing %d ms in all, %d JIT compilations over 100 ms (%d ms in all), %d deoptimizations%n",
                title, samples.size(), gcCount, gcPauses.toMillis(), compilations.size(),
                compilations.stream().map(RecordedEvent::getDuration).reduce(Duration.ZERO, Duration::plus).toMillis(), deoptimizations.size());
        deoptimizations.stream().limit(8).forEach(event -> {
            RecordedMethod method = event.getValue("method");
            System.out.printf("      deoptimized: %s (%s, %s)%n", method == null ? "?" : method.getType().getName() + "." + method.getName(),
                    event.getValue("reason"), event.getValue("action"));
        });
        compilations.stream().sorted(Comparator.comparing((RecordedEvent event) -> event.getDuration()).reversed()).limit(5)
                .forEach(event -> {
                    RecordedMethod method = event.getValue("method");
                    System.out.printf("      compiled in %d ms: %s (level %s)%n", event.getDuration().toMillis(),
                            method == null ? "?" : method.getType().getName() + "." + method.getName(), event.getValue("compileLevel"));
                });
        printTop("    method running", JfrSummary::topFrame);
        printTop("    nearest zgnode frame", JfrSummary::nearestZgnodeFrame);
        printTop("    thread", event -> threadGroup(event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName()));
    }

    private void printTop(String heading, Function<RecordedEvent, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        samples.forEach(event -> counts.merge(key.apply(event), 1, Integer::sum));
        System.out.println(heading + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(entry -> System.out.printf("      %5.1f %%  %s%n", 100.0 * entry.getValue() / samples.size(), entry.getKey()));
    }

    private static String topFrame(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        return stack == null || stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
    }

    private static String nearestZgnodeFrame(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return "?";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod().getType().getName().startsWith("io.zgnode.")) {
                return name(frame);
            }
        }
        return "(no zgnode frame) " + topFrame(event);
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** Pool threads by their pool: "zgnode-rpc-worker-3" and "-7" are one line. */
    private static String threadGroup(String name) {
        return name.replaceAll("[-#]?\\d+$", "-N");
    }
}

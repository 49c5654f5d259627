package io.zgnode.node.shell;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.zgnode.api.consensus.ConsensusEngine;
import io.zgnode.api.consensus.ConsensusStatus;
import io.zgnode.api.consensus.Validator;
import io.zgnode.api.shell.ShellCommand;

/**
 * {@code consensus:status}, {@code consensus:validators}: whichever engines run (two during a
 * handover from one engine to another at a height).
 */
@Component(service = ConsensusCommands.class)
@ShellCommand(scope = "consensus", function = {"status", "validators"})
public class ConsensusCommands {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<ConsensusEngine> engines = new CopyOnWriteArrayList<>();

    @Descriptor("show the consensus engine: height, round, step, validators, last commit")
    public String status() {
        if (engines.isEmpty()) {
            return "no consensus engine runs on this node (install the validator feature)";
        }
        StringBuilder out = new StringBuilder();
        for (ConsensusEngine engine : engines) {
            ConsensusStatus status = engine.status();
            line(out, "engine", status.engine());
            line(out, "height", Long.toString(status.height()));
            line(out, "round", Integer.toString(status.round()));
            line(out, "step", status.step());
            line(out, "last", String.valueOf(status.lastCommit()));
            long total = status.validators().stream().mapToLong(Validator::power).sum();
            line(out, "validators", status.validators().size() + " (total power " + total + ")");
            line(out, "self", status.self() == null ? "follower (signs nothing)" : status.self().address().toString());
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("list the validators with their power and keys")
    public String validators() {
        if (engines.isEmpty()) {
            return "no consensus engine runs on this node";
        }
        StringBuilder out = new StringBuilder();
        ConsensusStatus status = engines.get(0).status();
        long total = status.validators().stream().mapToLong(Validator::power).sum();
        for (Validator validator : status.validators()) {
            boolean self = validator.equals(status.self());
            out.append(String.format("%s %s power %d (%.1f%%) key 0x%s%n", self ? "*" : " ", validator.address(), validator.power(),
                    100.0 * validator.power() / Math.max(1, total), HexFormat.of().formatHex(validator.publicKey())));
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-10s %s%n", label, value));
    }
}

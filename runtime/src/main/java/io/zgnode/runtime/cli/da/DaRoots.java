package io.zgnode.runtime.cli.da;

import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.UserError;

/** The DATAROOT argument of the DA commands. */
final class DaRoots {

    private DaRoots() {
    }

    static Hash parse(String text) {
        try {
            return Hash.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UserError("DATAROOT " + text + " is not a data root: 0x and 64 hex digits (da-submit prints it)");
        }
    }
}
